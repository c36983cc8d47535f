import type { Metadata } from "next";
import { Suspense } from "react";
import { safeNextPath } from "@/lib/auth/safe-next-path";
import { getSiteSettings } from "@/lib/services/public/get-site-settings";
import { FormSkeleton } from "@/components/ui/skeleton";
import { AuthCard } from "../auth-card";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "登录", robots: { index: false, follow: false } };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default function LoginPage({ searchParams }: { searchParams: SearchParams }) {
  return (
    <AuthCard title="登录" subtitle="登录后可以评论、收藏文章；编辑与译者可进入工作台。">
      {/* the query string is request data: the card prerenders, the form streams in */}
      <Suspense fallback={<FormSkeleton fields={2} />}>
        <LoginFormFromQuery searchParams={searchParams} />
      </Suspense>
    </AuthCard>
  );
}

async function LoginFormFromQuery({ searchParams }: { searchParams: SearchParams }) {
  const [q, settings] = await Promise.all([searchParams, getSiteSettings()]);
  return (
    <LoginForm
      next={safeNextPath(q.next)}
      registered={q.registered === "1"}
      reset={q.reset === "1"}
      registrationOpen={!settings.registrationClosed}
    />
  );
}
