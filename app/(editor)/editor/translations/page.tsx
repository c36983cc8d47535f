import type { Metadata } from "next";
import Link from "next/link";
import { FilterTabs } from "@/components/ui/filter-tabs";
import { FormAlert } from "@/components/ui/form-alert";
import { Pagination } from "@/components/ui/pagination";
import { StatusBadge } from "@/components/ui/status-badge";
import { TableShell, tdClass } from "@/components/ui/table";
import { can } from "@/lib/authz";
import { formatDateTime } from "@/lib/format/beijing-time";
import { getEditorOptions } from "@/lib/services/articles/get-editor-options";
import { listTranslationTasks, type TaskScope } from "@/lib/services/translation/tasks/list-tasks";
import { listTranslatorOptions } from "@/lib/services/translation/tasks/translators";
import { requireStaff } from "../staff";
import { NewTaskForm } from "./new-task-form";
import { ProgressCell } from "./progress-cell";
import { AssignControl, ClaimButton } from "./task-row-actions";

export const metadata: Metadata = { title: "翻译任务" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const TITLES: Record<TaskScope, string> = { mine: "我的翻译", open: "待认领", all: "全部任务" };
const EMPTY: Record<TaskScope, string> = {
  mine: "目前没有分配给你的翻译任务。可以去“待认领”看看。",
  open: "没有等待认领的翻译任务。",
  all: "没有进行中的翻译任务。用上面的表单新建一个。",
};

const hrefFor = (scope: TaskScope, page = 1) => {
  const q = new URLSearchParams({ scope });
  if (page > 1) q.set("page", String(page));
  return `/editor/translations?${q}`;
};

/** 翻译任务: my translations with progress, tasks to claim, and (editors) who translates what. */
export default async function TranslationsPage({ searchParams }: Props) {
  const actor = await requireStaff("/editor/translations");
  const q = await searchParams;
  const mayAssign = can(actor, "translation.assign");
  const mayClaim = can(actor, "translation.claim");
  const scopes: TaskScope[] = [
    "mine",
    ...(mayClaim ? ["open" as const] : []),
    ...(mayAssign ? ["all" as const] : []),
  ];
  const wanted = typeof q.scope === "string" && (scopes as string[]).includes(q.scope) ? q.scope : "mine";
  const list = await listTranslationTasks(actor, { scope: wanted, page: q.page });
  const [options, translators] = mayAssign
    ? await Promise.all([getEditorOptions(actor), listTranslatorOptions()])
    : [null, []];

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold text-ink-900">翻译任务</h1>
      {q.created === "1" && <FormAlert tone="success">翻译任务已创建。</FormAlert>}
      {options && <NewTaskForm categories={options.categories} translators={translators} />}
      <FilterTabs
        label="任务范围"
        tabs={scopes.map((s) => ({
          key: s,
          href: hrefFor(s),
          label: TITLES[s],
          isCurrent: s === list.scope,
        }))}
      />
      {list.items.length ? (
        <>
          <TableShell
            caption={`${TITLES[list.scope]}（共 ${list.total} 篇）`}
            columns={["原文 / 标题", "译者", "截止时间", "进度", "状态", "操作"]}
            testId="translation-tasks"
          >
            {list.items.map((t) => {
              const label = t.sourceTitle ?? t.title;
              const overdue = t.overdue;
              return (
                <tr key={t.id} data-testid="translation-task">
                  <th scope="row" className={`${tdClass} font-normal`}>
                    <span className="block font-medium text-ink-900">{label}</span>
                    <a
                      href={t.sourceUrl}
                      className="block max-w-[28rem] truncate text-xs text-ink-600 underline"
                      rel="noopener noreferrer nofollow"
                      target="_blank"
                    >
                      {t.sourceUrl}
                    </a>
                    {t.sourceChanged && (
                      <span className="mt-1 inline-block rounded bg-amber-100 px-1.5 text-xs text-amber-900">
                        原文已更新
                      </span>
                    )}
                  </th>
                  <td className={tdClass}>
                    {list.scope === "all" ? (
                      <AssignControl
                        articleId={t.id}
                        label={label}
                        current={t.translatorId}
                        dueAt={t.dueAt?.toISOString() ?? null}
                        translators={translators}
                      />
                    ) : (
                      (t.translatorName ?? "待认领")
                    )}
                  </td>
                  <td className={`${tdClass} ${overdue ? "text-red-700" : ""}`}>
                    {t.dueAt ? `${formatDateTime(t.dueAt)}${overdue ? "（已逾期）" : ""}` : "—"}
                  </td>
                  <td className={tdClass}>
                    <ProgressCell progress={t.progress} />
                  </td>
                  <td className={tdClass}>
                    <StatusBadge kind="article" status={t.status} />
                  </td>
                  <td className={tdClass}>
                    {list.scope === "open" ? (
                      <ClaimButton articleId={t.id} label={label} />
                    ) : (
                      <Link href={`/editor/articles/${t.id}/translate`} className="text-brand-700 underline">
                        去翻译
                      </Link>
                    )}
                  </td>
                </tr>
              );
            })}
          </TableShell>
          <Pagination page={list.page} pageCount={list.pageCount} href={(p) => hrefFor(list.scope, p)} />
        </>
      ) : (
        <div className="rounded-lg bg-white p-8 text-center text-ink-600">{EMPTY[list.scope]}</div>
      )}
    </div>
  );
}
