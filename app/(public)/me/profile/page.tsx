import type { Metadata } from "next";
import { connection } from "next/server";
import { Suspense } from "react";
import { LoadingPanel } from "@/components/ui/skeleton";
import { requireUserOrRedirect } from "@/lib/auth/session";
import { getOwnProfile } from "@/lib/services/profile/update-profile";
import { DataExport } from "./data-export";
import { ProfileForm } from "./profile-form";

export const metadata: Metadata = { title: "个人资料", robots: { index: false, follow: false } };

async function ProfileArea() {
  // per user: request time only (the session lookup uses crypto before it reads cookies)
  await connection();
  const actor = await requireUserOrRedirect("/me/profile");
  return <ProfileForm profile={await getOwnProfile(actor)} />;
}

/** 个人资料: name, bio and avatar as readers see them next to articles and comments; 导出我的数据. */
export default function ProfilePage() {
  return (
    <div className="mx-auto w-full max-w-3xl">
      <h1 className="mb-4 text-2xl font-bold text-ink-900">个人资料</h1>
      <Suspense fallback={<LoadingPanel />}>
        <ProfileArea />
      </Suspense>
      <DataExport />
    </div>
  );
}
