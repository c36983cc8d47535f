"use client";

import { largePrimaryButton } from "@/components/ui/button";
import { useEffect } from "react";

/**
 * What an unexpected failure shows. The message is ours, never the error's: in production server
 * errors arrive without details anyway, and the digest lets us find the matching server log line.
 */
export function ErrorContent({ error, retry }: { error: unknown; retry: () => void }) {
  const digest =
    error instanceof Error && "digest" in error ? String((error as { digest?: unknown }).digest ?? "") : "";
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <section role="alert" className="mx-auto my-12 max-w-xl rounded bg-white px-6 py-12 text-center">
      <h1 className="text-2xl font-bold">页面暂时无法显示</h1>
      <p className="mt-2 text-ink-600">
        服务器开小差了，请稍后重试。如果问题持续，请联系编辑部并附上下面的错误编号。
      </p>
      {digest && <p className="mt-2 font-mono text-xs text-ink-600">错误编号：{digest}</p>}
      <div className="mt-6 flex justify-center gap-3">
        <button type="button" onClick={() => retry()} className={largePrimaryButton}>
          重试
        </button>
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- public pages load documents (docs/public-site.md) */}
        <a href="/" className="rounded border border-slate-300 px-5 py-2 hover:border-brand-500">
          返回首页
        </a>
      </div>
    </section>
  );
}
