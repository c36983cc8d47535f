import Link from "next/link";
import { primaryButton, secondaryButton } from "@/components/ui/button";
import { staffInputClass } from "@/components/ui/input";
import type { ArticleFilterOptions } from "@/lib/services/articles/list/list-filter-options";
import {
  MAX_TITLE_QUERY,
  type ArticleSort,
  type ListArticlesQuery,
} from "@/lib/services/articles/list/list-articles-schema";

const SORT_LABELS: Record<ArticleSort, string> = {
  updated: "最近更新",
  published: "发布时间",
  created: "创建时间",
  title: "标题",
};

const label = "block text-sm font-medium text-ink-900";

function Select({
  id,
  name,
  text,
  value,
  options,
}: {
  id: string;
  name: string;
  text: string;
  value: string | undefined;
  options: { value: string; label: string }[];
}) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className={label}>
        {text}
      </label>
      <select id={id} name={name} defaultValue={value ?? ""} className={staffInputClass}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * The filter bar: a GET form, so the filters live in the URL (shareable, back button) and work
 * without JavaScript. The status tab and the 回收站 travel as hidden fields.
 */
export function ListFilterBar({
  query,
  options,
}: {
  query: ListArticlesQuery;
  options: ArticleFilterOptions;
}) {
  const any = (text: string) => [{ value: "", label: text }];
  return (
    <form
      method="get"
      action="/editor/articles"
      role="search"
      aria-label="筛选文章"
      className="grid grid-cols-1 gap-3 rounded-lg bg-white p-3 sm:grid-cols-2 lg:grid-cols-4 xl:grid-cols-7"
    >
      {query.view && <input type="hidden" name="view" value={query.view} />}
      {query.status && <input type="hidden" name="status" value={query.status} />}
      <div className="space-y-1 sm:col-span-2 xl:col-span-2">
        <label htmlFor="filter-q" className={label}>
          标题
        </label>
        <input
          id="filter-q"
          type="search"
          name="q"
          defaultValue={query.q ?? ""}
          maxLength={MAX_TITLE_QUERY}
          placeholder="搜索标题"
          className={staffInputClass}
        />
      </div>
      <Select
        id="filter-category"
        name="category"
        text="分类"
        value={query.category?.toString()}
        options={[
          ...any("全部分类"),
          ...options.categories.map((c) => ({ value: String(c.id), label: c.name })),
        ]}
      />
      {options.authors.length > 0 && (
        <Select
          id="filter-author"
          name="author"
          text="作者"
          value={query.author}
          options={[...any("全部作者"), ...options.authors.map((p) => ({ value: p.id, label: p.name }))]}
        />
      )}
      {options.translators.length > 0 && (
        <Select
          id="filter-translator"
          name="translator"
          text="译者"
          value={query.translator}
          options={[...any("全部译者"), ...options.translators.map((p) => ({ value: p.id, label: p.name }))]}
        />
      )}
      <Select
        id="filter-contribution"
        name="contribution"
        text="来源"
        value={query.contribution}
        options={[...any("全部来源"), { value: "1", label: "仅投稿" }, { value: "0", label: "非投稿" }]}
      />
      <Select
        id="filter-sort"
        name="sort"
        text="排序"
        value={query.sort}
        options={Object.entries(SORT_LABELS).map(([value, text]) => ({
          value: value === "updated" ? "" : value,
          label: text,
        }))}
      />
      <div className="flex flex-wrap items-end gap-3 sm:col-span-2 lg:col-span-4 xl:col-span-7">
        <label className="inline-flex items-center gap-2 py-2 text-sm text-ink-900">
          <input
            type="checkbox"
            name="mine"
            value="1"
            defaultChecked={query.mine === "1"}
            className="h-4 w-4"
          />
          只看我写的或我翻译的
        </label>
        <button type="submit" className={primaryButton}>
          筛选
        </button>
        <Link
          href={query.view ? "/editor/articles?view=trash" : "/editor/articles"}
          className={secondaryButton}
        >
          清除筛选
        </Link>
      </div>
    </form>
  );
}
