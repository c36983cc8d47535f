import type { TagKind } from "@/lib/generated/prisma/enums";
import { TAG_KIND_LABELS } from "@/lib/labels";
import { listTags, type TagSummary } from "@/lib/services/public/list-tags";
import { pageMetadata } from "@/lib/seo/page-metadata";

export const metadata = pageMetadata({
  title: "专题",
  description: "署名 Byline 的专题与标签：按主题、威胁组织、恶意软件、厂商和产品浏览报道。",
  path: "/tag",
});

// topics first, then the threat entities (issue 16)
const ORDER: TagKind[] = ["TOPIC", "ACTOR", "MALWARE", "VENDOR", "PRODUCT"];

export default async function TagIndexPage() {
  const all = await listTags();
  const groups = ORDER.map((kind) => ({ kind, tags: all.filter((t) => t.kind === kind) })).filter(
    (g) => g.tags.length > 0,
  );
  return (
    <section aria-labelledby="tags-title" className="mx-auto max-w-4xl rounded bg-white p-6">
      <h1 id="tags-title" className="text-2xl font-bold">
        专题
      </h1>
      <p className="mt-1 text-sm text-ink-600">按主题、威胁组织、恶意软件、厂商和产品浏览系列报道。</p>
      {groups.length === 0 ? (
        <p className="mt-6 text-ink-600">还没有专题。</p>
      ) : (
        <div data-testid="tag-index">
          {groups.map((g) => (
            <section key={g.kind} aria-labelledby={`tags-${g.kind}`} className="mt-6">
              <h2 id={`tags-${g.kind}`} className="text-lg font-semibold">
                {TAG_KIND_LABELS[g.kind]}
              </h2>
              <TagList tags={g.tags} />
            </section>
          ))}
        </div>
      )}
    </section>
  );
}

/**
 * Plain links, as on the home page and the article lists (docs/public-site.md): a tag page is cached
 * whole, so a full load is quick, and no router prefetch per tag. A client-side navigation from here
 * also failed now and then on a tag page's first visit (an RSC answer resumed from another tag's
 * fallback shell: a 404 or "This page couldn't load"; the flaky e2e/public/tag.spec.ts:5).
 */
function TagList({ tags }: { tags: TagSummary[] }) {
  return (
    <ul className="mt-3 flex flex-wrap gap-3">
      {tags.map((t) => (
        <li key={t.slug}>
          <a
            href={`/tag/${t.slug}`}
            className="inline-flex items-center gap-2 rounded-full border border-slate-200 px-4 py-2 hover:border-brand-500 hover:text-brand-600"
          >
            <span>#{t.name}</span>
            <span className="text-xs text-ink-600">{t.articleCount} 篇</span>
          </a>
        </li>
      ))}
    </ul>
  );
}
