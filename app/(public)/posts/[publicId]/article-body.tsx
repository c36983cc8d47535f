import { SafeHtml } from "@/components/ui/safe-html";
import "./article-body.css";

/**
 * The stored body. bodyHtml was rendered from tiptap JSON and sanitised at write time
 * (lib/content/render.ts), so it is the one place raw HTML is trusted on the reading site.
 */
export function ArticleBody({ html }: { html: string }) {
  return (
    <SafeHtml
      className="article-body prose prose-slate max-w-none break-words prose-headings:font-semibold prose-headings:text-ink-900 prose-h2:mt-8 prose-h2:border-l-4 prose-h2:border-brand-600 prose-h2:pl-3 prose-h2:text-xl prose-h3:text-lg prose-p:leading-8 prose-a:text-brand-700 prose-a:underline-offset-2 prose-blockquote:border-brand-500 prose-blockquote:bg-brand-50 prose-blockquote:py-1 prose-blockquote:font-normal prose-blockquote:not-italic prose-code:rounded prose-code:bg-slate-100 prose-code:px-1 prose-code:py-0.5 prose-code:font-normal prose-code:before:content-none prose-code:after:content-none prose-pre:p-4 prose-figcaption:text-sm prose-figcaption:text-ink-600 prose-img:mx-auto prose-img:rounded prose-table:text-sm prose-th:bg-slate-100 prose-th:px-3 prose-td:px-3 prose-li:my-1"
      html={html}
    />
  );
}
