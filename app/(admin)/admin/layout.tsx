import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";

export const metadata: Metadata = {
  title: { default: "管理后台", template: "%s · 管理后台" },
  robots: { index: false, follow: false },
};

/** 管理后台 shell: plain staff chrome, separate from the reading site. */
export default function AdminLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col bg-slate-100">
      <header className="border-b border-slate-200 bg-white">
        <nav aria-label="管理后台导航" className="mx-auto flex max-w-6xl items-center gap-3 px-4 py-2">
          <Link href="/admin" className="mr-3 text-lg font-bold text-brand-600">
            署名 <span className="font-semibold text-ink-900">管理后台</span>
          </Link>
          <Link href="/editor" className="rounded px-2 py-1 text-sm hover:bg-brand-50">
            编辑工作台
          </Link>
          <Link href="/" className="ml-auto rounded px-2 py-1 text-sm hover:bg-brand-50">
            返回网站
          </Link>
        </nav>
      </header>
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6">
        {children}
      </main>
    </div>
  );
}
