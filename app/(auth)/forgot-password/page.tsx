import type { Metadata } from "next";
import { AuthCard } from "../auth-card";
import { ForgotForm } from "./forgot-form";

export const metadata: Metadata = { title: "找回密码", robots: { index: false, follow: false } };

export default function ForgotPasswordPage() {
  return (
    <AuthCard title="找回密码" subtitle="输入账号邮箱，我们会把重置密码的链接发给你。">
      <ForgotForm />
    </AuthCard>
  );
}
