import { IocCopy } from "@/components/site/ioc-copy";
import { SafeHtml } from "@/components/ui/safe-html";
import "./article-body.css";

/**
 * The stored body. bodyHtml was rendered from tiptap JSON and sanitised at write time
 * (lib/content/render.ts), so it is the one place raw HTML is trusted on the reading site.
 * A body with IOC blocks also gets their copy handler (a small client component); others load
 * no script for it.
 */
export function ArticleBody({ html }: { html: string }) {
  return (
    <>
      <SafeHtml className="article-body" html={html} />
      {html.includes("data-ioc-copy") && <IocCopy />}
    </>
  );
}
