import Link from "next/link";
import { listTags } from "@/lib/services/public/list-tags";
import { pageMetadata } from "@/lib/seo/page-metadata";

export const metadata = pageMetadata({
  title: "专题",
  description: "署名 Byline 的专题与标签：按主题浏览系列报道。",
  path: "/tag",
});

export default async function TagIndexPage() {
  const all = await listTags();
  return (
    <section aria-labelledby="tags-title" className="mx-auto max-w-4xl rounded bg-white p-6">
      <h1 id="tags-title" className="text-2xl font-bold">
        专题
      </h1>
      <p className="mt-1 text-sm text-ink-600">按主题浏览系列报道。</p>
      {all.length === 0 ? (
        <p className="mt-6 text-ink-600">还没有专题。</p>
      ) : (
        <ul className="mt-6 flex flex-wrap gap-3" data-testid="tag-index">
          {all.map((t) => (
            <li key={t.slug}>
              <Link
                href={`/tag/${t.slug}`}
                className="inline-flex items-center gap-2 rounded-full border border-slate-200 px-4 py-2 hover:border-brand-500 hover:text-brand-600"
              >
                <span>#{t.name}</span>
                <span className="text-xs text-ink-600">{t.articleCount} 篇</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
