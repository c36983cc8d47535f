import type { Metadata } from "next";
import Link from "next/link";
import { formatDateTime } from "@/lib/format/beijing-time";
import { listAuditLog, type AuditFilters } from "@/lib/services/admin/list-audit-log";
import { adminActor, param, type SearchParams } from "../gate";
import * as ui from "../ui";
import { ACTION_LABELS, actionLabel, metaSummary, targetHref, targetLabel } from "./audit-labels";

export const metadata: Metadata = { title: "审计日志" };

const FIELDS = ["actor", "action", "target", "from", "to"] as const;

function query(f: AuditFilters, before?: string) {
  const s = new URLSearchParams();
  for (const k of FIELDS) if (f[k]) s.set(k, f[k]);
  if (before) s.set("before", before);
  return s.size ? `/admin/audit?${s}` : "/admin/audit";
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
        className={`${ui.card} grid gap-3 sm:grid-cols-2 lg:grid-cols-3`}
      >
        <label className="text-sm">
          <span className="mb-1 block text-ink-600">操作人（邮箱或昵称）</span>
          <input name="actor" defaultValue={f.actor} maxLength={254} className={ui.input} />
        </label>
        <label className="text-sm">
          <span className="mb-1 block text-ink-600">操作（前缀，如 user.）</span>
          <input
            name="action"
            defaultValue={f.action}
            maxLength={64}
            list="audit-actions"
            className={ui.input}
          />
          <datalist id="audit-actions">
            {Object.entries(ACTION_LABELS).map(([k, v]) => (
              <option key={k} value={k} label={v} />
            ))}
          </datalist>
        </label>
        <label className="text-sm">
          <span className="mb-1 block text-ink-600">对象编号</span>
          <input name="target" defaultValue={f.target} maxLength={64} className={ui.input} />
        </label>
        <label className="text-sm">
          <span className="mb-1 block text-ink-600">开始日期</span>
          <input name="from" type="date" defaultValue={f.from} className={ui.input} />
        </label>
        <label className="text-sm">
          <span className="mb-1 block text-ink-600">结束日期</span>
          <input name="to" type="date" defaultValue={f.to} className={ui.input} />
        </label>
        <div className="flex items-end gap-2">
          <button type="submit" className={ui.primary}>
            筛选
          </button>
          {filtered && (
            <Link href="/admin/audit" className={ui.secondary}>
              清除
            </Link>
          )}
        </div>
      </form>
      {log.items.length ? (
        <div className="overflow-x-auto rounded-lg bg-white">
          <table className={ui.table} data-testid="audit-table">
            <caption className="px-3 py-2 text-left text-sm text-ink-600">
              审计记录，最新的在前（每页 50 条）
            </caption>
            <thead>
              <tr>
                <th scope="col" className={ui.th}>
                  时间
                </th>
                <th scope="col" className={ui.th}>
                  操作人
                </th>
                <th scope="col" className={ui.th}>
                  操作
                </th>
                <th scope="col" className={ui.th}>
                  对象
                </th>
                <th scope="col" className={ui.th}>
                  详情
                </th>
                <th scope="col" className={ui.th}>
                  IP
                </th>
              </tr>
            </thead>
            <tbody>
              {log.items.map((r) => {
                const href = targetHref(r.targetType, r.targetId);
                return (
                  <tr key={r.id} data-testid="audit-row">
                    <td className={`${ui.td} whitespace-nowrap`}>
                      <time dateTime={r.createdAt.toISOString()}>{formatDateTime(r.createdAt)}</time>
                    </td>
                    <td className={ui.td}>
                      {r.actor ? r.actor.displayName : <span className="text-ink-600">系统 / 访客</span>}
                    </td>
                    <th scope="row" className={`${ui.td} font-normal`}>
                      {actionLabel(r.action)}
                      {ACTION_LABELS[r.action] && (
                        <span className="block text-xs text-ink-600">{r.action}</span>
                      )}
                    </th>
                    <td className={ui.td}>
                      {href ? (
                        <Link href={href} className="text-brand-700 hover:underline">
                          {targetLabel(r.targetType)}
                        </Link>
                      ) : (
                        targetLabel(r.targetType)
                      )}
                      {r.targetId && (
                        <span className="block break-all text-xs text-ink-600">{r.targetId}</span>
                      )}
                    </td>
                    <td className={`${ui.td} max-w-xs break-words text-xs`}>{metaSummary(r.meta)}</td>
                    <td className={`${ui.td} whitespace-nowrap font-mono text-xs`}>{r.ip ?? "—"}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : (
        <p className={`${ui.card} text-center text-ink-600`}>
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
