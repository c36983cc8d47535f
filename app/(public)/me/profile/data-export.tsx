import { secondaryButton } from "@/components/ui/button";

/**
 * 导出我的数据: a plain download link (the route answers with an attachment), so it works with the
 * keyboard and without JavaScript. The route is rate limited to 5 downloads an hour.
 */
export function DataExport() {
  return (
    <section aria-labelledby="data-export" className="mt-6 rounded bg-white p-6">
      <h2 id="data-export" className="text-lg font-semibold text-ink-900">
        导出我的数据
      </h2>
      <p className="mb-4 mt-1 text-sm text-ink-600">
        下载一个 JSON
        文件，包含你的资料、账号信息、评论、收藏、投稿和通知。文件里不含密码等登录凭据。每小时最多导出 5 次。
      </p>
      <a href="/api/me/export" download className={secondaryButton} data-testid="data-export-link">
        导出我的数据
      </a>
    </section>
  );
}
