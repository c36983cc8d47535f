import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { footerPages } from "@/components/site/footer-pages";
import { SafeHtml } from "@/components/ui/safe-html";
import { formatDate } from "@/lib/format/beijing-time";
import { getPage } from "@/lib/services/public/get-page";
import { pageMetadata } from "@/lib/seo/page-metadata";

type Props = { params: Promise<{ slug: string }> };

// Fully static like the article page: an unknown slug waits for its render and gets a real 404, and
// regenerating after a settings change never needs request data.
export const ensureStatic = "navigation";

export function generateStaticParams() {
  return footerPages.map((p) => ({ slug: p.slug }));
}

const summary = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 120);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = await getPage((await params).slug);
  if (!page) return { title: "页面不存在" };
  return pageMetadata({ title: page.title, description: summary(page.bodyHtml), path: `/page/${page.slug}` });
}

/** Footer pages (公司简介, 隐私政策…): Page rows whose HTML was sanitised when saved. */
export default async function FooterPage({ params }: Props) {
  const page = await getPage((await params).slug);
  if (!page) notFound();
  return (
    <article className="mx-auto max-w-3xl rounded bg-white p-6 md:p-10">
      <h1 className="text-2xl font-bold">{page.title}</h1>
      <p className="mt-1 text-xs text-ink-600">更新于 {formatDate(page.updatedAt)}</p>
      <SafeHtml
        className="prose prose-slate mt-6 max-w-none prose-headings:font-semibold prose-a:text-brand-700"
        html={page.bodyHtml}
      />
    </article>
  );
}
