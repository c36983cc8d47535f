import { SafeHtml } from "@/components/ui/safe-html";
import { getPage } from "@/lib/services/public/get-page";

/**
 * 投稿须知: the body of the 我要投稿 footer page (edited in 页面管理), so the guidelines are written
 * once. Cached under the page's tag, which every save and restore of it invalidates. Without the
 * page's row, a one-line fallback.
 */
export async function ContributeGuidelines() {
  const page = await getPage("contribute");
  if (!page) {
    return (
      <p className="leading-7 text-ink-600">
        我们欢迎原创的漏洞分析、攻防实战、安全研究，以及英文安全资讯的译文。稿件经编辑审核后发表。
      </p>
    );
  }
  return (
    <section aria-labelledby="contribute-guidelines" className="rounded-lg bg-white p-5 md:p-6">
      <h2 id="contribute-guidelines" className="text-lg font-semibold text-ink-900">
        {page.title}
      </h2>
      <SafeHtml
        className="prose prose-slate mt-3 max-w-none prose-headings:font-semibold prose-headings:text-base prose-a:text-brand-700"
        html={page.bodyHtml}
      />
    </section>
  );
}
