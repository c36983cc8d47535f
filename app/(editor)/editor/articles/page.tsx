import type { Metadata } from "next";
import Link from "next/link";
import { primaryButton } from "@/components/ui/button";
import { FilterTabs } from "@/components/ui/filter-tabs";
import { Pagination } from "@/components/ui/pagination";
import { ArticleStatus } from "@/lib/generated/prisma/enums";
import { ARTICLE_STATUS_LABELS } from "@/lib/labels";
import { listArticles } from "@/lib/services/articles/list/list-articles";
import { listArticlesHref } from "@/lib/services/articles/list/list-articles-schema";
import { listArticleFilterOptions } from "@/lib/services/articles/list/list-filter-options";
import { requireStaff } from "../staff";
import { ArticleListTable } from "./article-list-table";
import { ListFilterBar } from "./list-filter-bar";

export const metadata: Metadata = { title: "全部文章" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * 全部文章: every article for editors and admins (own and translated ones for others), filtered
 * by the URL, with status tabs that keep the filters, and an admin's 回收站.
 */
export default async function ArticlesPage({ searchParams }: Props) {
  const actor = await requireStaff("/editor/articles");
  const [list, options] = await Promise.all([
    listArticles(actor, await searchParams),
    listArticleFilterOptions(actor),
  ]);
  const { query, counts } = list;
  const inTrash = query.view === "trash";
  const filters = { ...query, status: undefined, view: undefined, page: undefined };
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const tabs = [
    {
      key: "all",
      href: listArticlesHref(filters),
      label: "全部",
      count: total,
      isCurrent: !inTrash && !query.status,
    },
    ...Object.values(ArticleStatus).map((s) => ({
      key: s,
      href: listArticlesHref({ ...filters, status: s }),
      label: ARTICLE_STATUS_LABELS[s],
      count: counts[s],
      isCurrent: !inTrash && query.status === s,
      countTestId: `count-${s}`,
    })),
    ...(list.trashCount !== null
      ? [
          {
            key: "trash",
            href: listArticlesHref({ ...filters, view: "trash" }),
            label: "回收站",
            count: list.trashCount,
            isCurrent: inTrash,
            countTestId: "count-trash",
          },
        ]
      : []),
  ];
  const caption = inTrash
    ? `回收站：共 ${list.total} 篇已删除的文章`
    : `${query.status ? ARTICLE_STATUS_LABELS[query.status] : "全部"}：共 ${list.total} 篇`;
  const filtered = Boolean(
    query.q || query.category || query.author || query.translator || query.contribution || query.mine,
  );

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold text-ink-900">{inTrash ? "回收站" : "全部文章"}</h1>
          {!list.seesAll && <p className="mt-1 text-sm text-ink-600">这里列出你写的和你翻译的文章。</p>}
        </div>
        <Link href="/editor/articles/new" className={primaryButton}>
          新建文章
        </Link>
      </div>
      <ListFilterBar query={query} options={options} />
      <FilterTabs tabs={tabs} />
      {list.items.length ? (
        <>
          <ArticleListTable items={list.items} caption={caption} inTrash={inTrash} />
          <Pagination
            page={list.page}
            pageCount={list.pageCount}
            total={list.total}
            href={(p) => listArticlesHref({ ...query, page: p })}
          />
        </>
      ) : (
        <div className="rounded-lg bg-white p-8 text-center text-ink-600" data-testid="article-list-empty">
          <p>
            {inTrash
              ? "回收站是空的。"
              : filtered
                ? "没有符合筛选条件的文章。"
                : query.status
                  ? `没有${ARTICLE_STATUS_LABELS[query.status]}的文章。`
                  : "还没有文章。"}
          </p>
          {filtered ? (
            <Link
              href={listArticlesHref({ status: query.status, view: query.view })}
              className="mt-2 inline-block text-brand-700 underline"
            >
              清除筛选条件
            </Link>
          ) : (
            !inTrash && (
              <Link href="/editor/articles/new" className="mt-2 inline-block text-brand-700 underline">
                写一篇新文章或译文
              </Link>
            )
          )}
        </div>
      )}
    </div>
  );
}
