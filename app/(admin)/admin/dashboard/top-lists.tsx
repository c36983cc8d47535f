import type { ViewStats } from "@/lib/services/admin/dashboard/view-stats";

type Item = { key: string; href: string; label: string; views: number };

function TopList({ title, items, testId }: { title: string; items: Item[]; testId: string }) {
  return (
    <div className="min-w-0">
      <h3 className="mb-2 text-sm font-semibold text-ink-600">{title}</h3>
      {items.length ? (
        <ol className="space-y-1 text-sm" data-testid={testId}>
          {items.map((it, i) => (
            <li key={it.key} className="flex items-baseline gap-2">
              <span className="w-5 shrink-0 text-right tabular-nums text-ink-600">{i + 1}.</span>
              <a href={it.href} className="min-w-0 flex-1 truncate hover:text-brand-700" title={it.label}>
                {it.label}
              </a>
              <span className="shrink-0 tabular-nums text-ink-600">
                {it.views.toLocaleString("zh-CN")} 次
              </span>
            </li>
          ))}
        </ol>
      ) : (
        <p className="text-sm text-ink-600" data-testid={testId}>
          这段时间没有阅读记录。
        </p>
      )}
    </div>
  );
}

/**
 * 热门文章 and 热门分类 over 7 and 30 Beijing days: public articles only, each linking to its
 * public page, categories to theirs.
 */
export function TopLists({ top }: { top: ViewStats["top"] }) {
  const articles = (w: keyof typeof top) =>
    top[w].articles.map((a) => ({
      key: a.publicId,
      href: `/posts/${a.publicId}`,
      label: a.title,
      views: a.views,
    }));
  const categories = (w: keyof typeof top) =>
    top[w].categories.map((c) => ({
      key: c.slug,
      href: `/category/${c.slug}`,
      label: c.name,
      views: c.views,
    }));
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <section aria-labelledby="dash-top-articles" className="rounded-lg bg-white p-4 shadow-sm">
        <h2 id="dash-top-articles" className="mb-3 text-lg font-semibold">
          热门文章
        </h2>
        <div className="grid gap-4 sm:grid-cols-2">
          <TopList title="近 7 天" items={articles("d7")} testId="top-articles-7" />
          <TopList title="近 30 天" items={articles("d30")} testId="top-articles-30" />
        </div>
      </section>
      <section aria-labelledby="dash-top-categories" className="rounded-lg bg-white p-4 shadow-sm">
        <h2 id="dash-top-categories" className="mb-3 text-lg font-semibold">
          热门分类
        </h2>
        <div className="grid gap-4 sm:grid-cols-2">
          <TopList title="近 7 天" items={categories("d7")} testId="top-categories-7" />
          <TopList title="近 30 天" items={categories("d30")} testId="top-categories-30" />
        </div>
      </section>
    </div>
  );
}
