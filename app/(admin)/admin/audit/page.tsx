import type { Metadata } from "next";
import Link from "next/link";
import { formatDateTime } from "@/lib/format/beijing-time";
import { AUDIT_EXPORT_CAP } from "@/lib/services/admin/export-audit-csv";
import { listAuditLog, type AuditFilters } from "@/lib/services/admin/list-audit-log";
import { adminActor, param, type SearchParams } from "../gate";
import { primaryButton, secondaryButton } from "@/components/ui/button";
import { cardClass } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { TableShell, tdClass } from "@/components/ui/table";
import { ACTION_LABELS, actionLabel, metaSummary, targetHref, targetLabel } from "./audit-labels";

export const metadata: Metadata = { title: "审计日志" };

const FIELDS = ["actor", "action", "target", "from", "to"] as const;

function query(f: AuditFilters, before?: string) {
  const s = new URLSearchParams();
  for (const k of FIELDS) if (f[k]) s.set(k, f[k]);
  if (before) s.set("before", before);
  return s.size ? `/admin/audit?${s}` : "/admin/audit";
}

/** The CSV export of the same filters (no page cursor: the file holds every matching row). */
function exportHref(f: AuditFilters) {
  const s = new URLSearchParams();
  for (const k of FIELDS) if (f[k]) s.set(k, f[k]);
  return s.size ? `/api/admin/audit/export?${s}` : "/api/admin/audit/export";
}

/** 审计日志 (admins): who did what to which object, from which IP, newest first. */
export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await adminActor("audit.view");
  const q = await searchParams;
  const log = await listAuditLog(
    actor,
    Object.fromEntries([...FIELDS, "before"].map((k) => [k, param(q[k]) || undefined])),
  );
  const f = log.filters;
  const filtered = FIELDS.some((k) => f[k]);
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-bold">审计日志</h1>
      <form
        role="search"
        aria-label="筛选审计日志"
        className={`${cardClass} grid gap-3 sm:grid-cols-2 lg:grid-cols-3`}
      >
        <FormField
          size="sm"
          name="actor"
          label="操作人（邮箱或昵称）"
          defaultValue={f.actor}
          maxLength={254}
        />
        <FormField
          size="sm"
          name="action"
          label="操作（前缀，如 user.）"
          defaultValue={f.action}
          maxLength={64}
          list="audit-actions"
        />
        <datalist id="audit-actions">
          {Object.entries(ACTION_LABELS).map(([k, v]) => (
            <option key={k} value={k} label={v} />
          ))}
        </datalist>
        <FormField size="sm" name="target" label="对象编号" defaultValue={f.target} maxLength={64} />
        <FormField size="sm" name="from" type="date" label="开始日期" defaultValue={f.from} />
        <FormField size="sm" name="to" type="date" label="结束日期" defaultValue={f.to} />
        <div className="flex items-end gap-2">
          <button type="submit" className={primaryButton}>
            筛选
          </button>
          {filtered && (
            <Link href="/admin/audit" className={secondaryButton}>
              清除
            </Link>
          )}
        </div>
      </form>
      <p className="flex flex-wrap items-center gap-3 text-sm text-ink-600">
        <a href={exportHref(f)} download className={secondaryButton} data-testid="audit-export">
          导出 CSV
        </a>
        导出当前筛选条件下的全部记录（不分页，最多 {AUDIT_EXPORT_CAP.toLocaleString("zh-CN")}{" "}
        行，超出时文件末尾会注明），时间为北京时间，可直接用 Excel 打开。
      </p>
      {log.items.length ? (
        <TableShell
          caption="审计记录，最新的在前（每页 50 条）"
          testId="audit-table"
          columns={["时间", "操作人", "操作", "对象", "详情", "IP"]}
        >
          {log.items.map((r) => {
            const href = targetHref(r.targetType, r.targetId);
            return (
              <tr key={r.id} data-testid="audit-row">
                <td className={`${tdClass} whitespace-nowrap`}>
                  <time dateTime={r.createdAt.toISOString()}>{formatDateTime(r.createdAt)}</time>
                </td>
                <td className={tdClass}>
                  {r.actor ? r.actor.displayName : <span className="text-ink-600">系统 / 访客</span>}
                </td>
                <th scope="row" className={`${tdClass} font-normal`}>
                  {actionLabel(r.action)}
                  {ACTION_LABELS[r.action] && <span className="block text-xs text-ink-600">{r.action}</span>}
                </th>
                <td className={tdClass}>
                  {href ? (
                    <Link href={href} className="text-brand-700 hover:underline">
                      {targetLabel(r.targetType)}
                    </Link>
                  ) : (
                    targetLabel(r.targetType)
                  )}
                  {r.targetId && <span className="block break-all text-xs text-ink-600">{r.targetId}</span>}
                </td>
                <td className={`${tdClass} max-w-xs break-words text-xs`}>{metaSummary(r.meta)}</td>
                <td className={`${tdClass} whitespace-nowrap font-mono text-xs`}>{r.ip ?? "—"}</td>
              </tr>
            );
          })}
        </TableShell>
      ) : (
        <p className={`${cardClass} text-center text-ink-600`}>
          {filtered ? "没有符合条件的记录，请放宽筛选条件。" : "还没有审计记录。"}
        </p>
      )}
      <nav aria-label="分页" className="flex justify-center gap-4 text-sm">
        {q.before && (
          <Link href={query(f)} className="text-brand-700 hover:underline">
            回到最新
          </Link>
        )}
        {log.nextBefore && (
          <Link href={query(f, log.nextBefore)} className="text-brand-700 hover:underline">
            更早的记录
          </Link>
        )}
      </nav>
    </div>
  );
}
