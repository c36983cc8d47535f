import type { Metadata } from "next";
import { StaffFrame } from "@/components/auth/staff-frame";
import Link from "next/link";
import { connection } from "next/server";
import { Suspense, type ReactNode } from "react";
import { ModerationLink } from "@/components/auth/moderation-link";
import { getCurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/authz";

export const metadata: Metadata = {
  title: { default: "编辑工作台", template: "%s · 编辑工作台" },
  robots: { index: false, follow: false },
};

const link = "rounded px-2 py-1 text-sm text-ink-900 hover:bg-brand-50 hover:text-brand-700";

/** The review link only for those who review; the rest of the bar is static and prerendered. */
async function ReviewLink() {
  // request time only: the session lookup uses crypto before it touches cookies
  await connection();
  const actor = await getCurrentUser();
  if (!can(actor, "article.review")) return null;
  return (
    <Link href="/editor/review" className={link}>
      审核队列
    </Link>
  );
}

/** 编辑工作台: a plain staff shell, separate from the reading site's chrome. */
export default function EditorLayout({ children }: { children: ReactNode }) {
  return (
    <StaffFrame>
      <header className="border-b border-slate-200 bg-white">
        <nav
          aria-label="工作台导航"
          className="mx-auto flex max-w-[96rem] flex-wrap items-center gap-x-2 gap-y-1 px-4 py-2"
        >
          <Link href="/editor" className="mr-3 text-lg font-bold text-brand-600">
            署名 <span className="font-semibold text-ink-900">工作台</span>
          </Link>
          <Link href="/editor" className={link}>
            我的文章
          </Link>
          <Link href="/editor/articles" className={link}>
            全部文章
          </Link>
          <Link href="/editor/articles/new" className={link}>
            新建文章
          </Link>
          <Link href="/editor/translations" className={link}>
            翻译任务
          </Link>
          <Link href="/editor/glossary" className={link}>
            术语库
          </Link>
          <Link href="/editor/media" className={link}>
            媒体库
          </Link>
          <Suspense fallback={null}>
            <ReviewLink />
          </Suspense>
          <Suspense fallback={null}>
            <ModerationLink className={link} />
          </Suspense>
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a public page loads as a document (docs/public-site.md) */}
          <a href="/" className={`${link} ml-auto`}>
            返回网站
          </a>
        </nav>
      </header>
      <main id="main" className="mx-auto w-full max-w-[96rem] flex-1 px-3 py-4 sm:px-4 sm:py-6">
        {children}
      </main>
    </StaffFrame>
  );
}
