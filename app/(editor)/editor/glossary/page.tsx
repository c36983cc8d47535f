import type { Metadata } from "next";
import Link from "next/link";
import { primaryButton } from "@/components/ui/button";
import { cardClass } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Pagination } from "@/components/ui/pagination";
import { TableShell } from "@/components/ui/table";
import { can } from "@/lib/authz";
import { listTerms } from "@/lib/services/glossary/list-terms";
import { requireStaff } from "../staff";
import { createTermAction } from "./actions";
import { TermForm } from "./term-form";
import { TermRow } from "./term-row";

export const metadata: Metadata = { title: "术语库" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

/** 术语库: editors and admins maintain it; translators look terms up here, read-only. */
export default async function GlossaryPage({ searchParams }: Props) {
  const actor = await requireStaff("/editor/glossary", "translation.tools");
  const sp = await searchParams;
  const list = await listTerms(actor, {
    q: first(sp.q),
    page: first(sp.page) || 1,
    doNotTranslate: first(sp.dnt),
  });
  const canManage = can(actor, "glossary.manage");
  const { filters } = list;
  const filtered = Boolean(filters.q || filters.doNotTranslate);
  const href = (page: number) => {
    const s = new URLSearchParams();
    if (filters.q) s.set("q", filters.q);
    if (filters.doNotTranslate) s.set("dnt", "1");
    if (page > 1) s.set("page", String(page));
    return s.size ? `/editor/glossary?${s}` : "/editor/glossary";
  };
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-bold text-ink-900">术语库</h1>
        <p className="mt-1 text-sm text-ink-600">
          英文术语的规定译法，以及保留原文的“不译”名称。翻译时原文中出现的术语会在工作台中提示，漏用规定译法会被检查出来。
          {!canManage && " 你可以查阅术语；如需新增或修改，请联系编辑。"}
        </p>
      </div>
      <form
        role="search"
        aria-label="搜索术语"
        className={`${cardClass} grid gap-3 sm:grid-cols-[1fr_auto_auto] sm:items-end`}
      >
        <FormField
          size="sm"
          name="q"
          type="search"
          label="英文术语、变体或译法"
          defaultValue={filters.q}
          maxLength={200}
          placeholder="例如 ransomware 或 勒索软件"
        />
        <label className="flex items-center gap-2 pb-2 text-sm">
          <input type="checkbox" name="dnt" value="1" defaultChecked={filters.doNotTranslate} />
          仅“不译”
        </label>
        <button type="submit" className={primaryButton}>
          搜索
        </button>
      </form>
      {canManage && (
        <details className={cardClass} open={list.total === 0 && !filtered}>
          <summary className="cursor-pointer font-semibold">新增术语</summary>
          <div className="mt-3">
            <TermForm action={createTermAction} idPrefix="new" submitLabel="添加术语" />
          </div>
        </details>
      )}
      {list.items.length ? (
        <>
          <TableShell
            caption={filtered ? `符合条件的术语：${list.total} 条` : `全部术语：${list.total} 条`}
            columns={["英文术语", "译法", "变体", "备注", "不译", ...(canManage ? ["操作"] : [])]}
            testId="glossary-table"
          >
            {list.items.map((t) => (
              <TermRow key={t.id} t={t} canManage={canManage} />
            ))}
          </TableShell>
          <Pagination page={list.page} pageCount={list.pageCount} total={list.total} href={href} />
        </>
      ) : (
        <div className={`${cardClass} text-center text-ink-600`}>
          <p>
            {filtered
              ? "没有符合条件的术语。换个关键词或清除筛选再试。"
              : canManage
                ? "术语库还是空的。用上面的表单添加第一个术语。"
                : "术语库还是空的。"}
          </p>
          {filtered && (
            <Link href="/editor/glossary" className="mt-2 inline-block text-brand-700 underline">
              清除筛选
            </Link>
          )}
        </div>
      )}
    </div>
  );
}
