import type { Metadata } from "next";
import { StaffFrame } from "@/components/auth/staff-frame";
import Link from "next/link";
import { Suspense, type ReactNode } from "react";
import { AdminNav } from "./admin-nav";
import { NavCurrent } from "./nav-links";

export const metadata: Metadata = {
  title: { default: "管理后台", template: "%s · 管理后台" },
  robots: { index: false, follow: false },
};

/** 管理后台 shell: plain staff chrome, separate from the reading site, with a side nav by role. */
export default function AdminLayout({ children }: { children: ReactNode }) {
  return (
    <StaffFrame>
      <header className="border-b border-slate-200 bg-white">
        <nav aria-label="管理后台导航" className="mx-auto flex max-w-6xl items-center gap-3 px-4 py-2">
          <Link href="/admin" className="mr-3 text-lg font-bold text-brand-600">
            署名 <span className="font-semibold text-ink-900">管理后台</span>
          </Link>
          <Link href="/editor" className="rounded px-2 py-1 text-sm hover:bg-brand-50">
            编辑工作台
          </Link>
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a public page loads as a document (docs/public-site.md) */}
          <a href="/" className="ml-auto rounded px-2 py-1 text-sm hover:bg-brand-50">
            返回网站
          </a>
        </nav>
      </header>
      <div className="mx-auto flex w-full max-w-6xl flex-1 flex-col gap-4 px-3 py-4 sm:px-4 md:flex-row md:gap-6 md:py-6">
        <NavCurrent>
          <Suspense fallback={null}>
            <AdminNav />
          </Suspense>
        </NavCurrent>
        <main id="main" className="min-w-0 flex-1">
          {children}
        </main>
      </div>
    </StaffFrame>
  );
}
