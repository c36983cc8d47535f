import type { Metadata } from "next";
import Link from "next/link";
import { listTagNames, listTagsForAdmin, type TagSort } from "@/lib/services/tags/list-tags-for-admin";
import { adminActor, param, type SearchParams } from "../gate";
import { primaryButton } from "@/components/ui/button";
import { cardClass } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { FormField } from "@/components/ui/form-field";
import { staffInputClass } from "@/components/ui/input";
import { Pagination } from "@/components/ui/pagination";
import { TableShell } from "@/components/ui/table";
import { TagRow } from "./tag-row";

export const metadata: Metadata = { title: "标签管理" };

const SORT_LABELS: Record<TagSort, string> = {
  articles: "文章数（多→少）",
  published: "已发布文章数（多→少）",
  name: "名称",
  slug: "URL 标识",
  newest: "最新创建",
};

/** 标签管理 (editors and admins): search, sort, 25 a page; rename, re-slug, merge, delete unused. */
export default async function TagsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await adminActor("tag.manage");
  const q = await searchParams;
  const [list, names] = await Promise.all([
    listTagsForAdmin(actor, { q: param(q.q), sort: param(q.sort) || undefined, page: param(q.page) || 1 }),
    listTagNames(actor),
  ]);
  const { filters } = list;
  const href = (page: number) => {
    const s = new URLSearchParams();
    if (filters.q) s.set("q", filters.q);
    if (filters.sort !== "articles") s.set("sort", filters.sort);
    if (page > 1) s.set("page", String(page));
    return s.size ? `/admin/tags?${s}` : "/admin/tags";
  };
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-bold">标签管理</h1>
      <form
        role="search"
        aria-label="搜索标签"
        className={`${cardClass} grid gap-3 sm:grid-cols-[1fr_auto_auto] sm:items-end`}
      >
        <FormField
          size="sm"
          name="q"
          type="search"
          label="名称或 URL 标识"
          defaultValue={filters.q}
          maxLength={64}
          placeholder="例如 勒索 或 apt"
        />
        <Field id="field-sort" label="排序">
          {(p) => (
            <select {...p} name="sort" defaultValue={filters.sort} className={staffInputClass}>
              {Object.entries(SORT_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit" className={primaryButton}>
          搜索
        </button>
      </form>
      {/* suggestions for every row's 合并到 field */}
      <datalist id="tag-names">
        {names.map((n) => (
          <option key={n} value={n} />
        ))}
      </datalist>
      {list.items.length ? (
        <>
          <TableShell
            caption={`${filters.q ? "符合条件的标签" : "全部标签"}：${list.total} 个。修改 URL 标识或合并后，旧链接会 301 跳转到新页面；只有没有文章的标签可以删除。`}
            columns={[
              "名称",
              { key: "published", label: "已发布", className: "text-right" },
              { key: "all", label: "全部文章", className: "text-right" },
              "操作",
            ]}
            testId="tag-table"
          >
            {list.items.map((t) => (
              <TagRow key={t.id} t={t} />
            ))}
          </TableShell>
          <Pagination page={list.page} pageCount={list.pageCount} total={list.total} href={href} />
        </>
      ) : (
        <div className={`${cardClass} text-center text-ink-600`}>
          <p>
            {filters.q
              ? "没有符合条件的标签。换个关键词再试。"
              : list.total
                ? "这一页没有标签。"
                : "还没有标签。编辑在写文章时添加的标签会出现在这里。"}
          </p>
          {(filters.q || list.page > 1) && (
            <Link href="/admin/tags" className="mt-2 inline-block text-brand-700 underline">
              查看全部标签
            </Link>
          )}
        </div>
      )}
    </div>
  );
}
