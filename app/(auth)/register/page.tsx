import type { Metadata } from "next";
import { Suspense } from "react";
import { safeNextPath } from "@/lib/auth/safe-next-path";
import { FormSkeleton } from "@/components/ui/skeleton";
import { AuthCard } from "../auth-card";
import { RegisterForm } from "./register-form";

export const metadata: Metadata = { title: "注册", robots: { index: false, follow: false } };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default function RegisterPage({ searchParams }: { searchParams: SearchParams }) {
  return (
    <AuthCard title="注册" subtitle="注册署名账号，参与评论、收藏文章和投稿。">
      <Suspense fallback={<FormSkeleton fields={3} />}>
        <RegisterFormFromQuery searchParams={searchParams} />
      </Suspense>
    </AuthCard>
  );
}

async function RegisterFormFromQuery({ searchParams }: { searchParams: SearchParams }) {
  const q = await searchParams;
  return <RegisterForm next={safeNextPath(q.next)} />;
}
