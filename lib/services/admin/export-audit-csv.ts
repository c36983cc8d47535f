import "server-only";
import { z } from "zod";
import { audit } from "@/lib/audit";
import { assertCan, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { csvRows, UTF8_BOM } from "@/lib/escape/csv";
import { safeText } from "@/lib/validation";
import { auditWhere, type AuditFilters } from "./list-audit-log";

/** The most rows one export holds; past it the file ends with a line saying so. */
export const AUDIT_EXPORT_CAP = 50_000;
const BATCH = 1000;

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "日期格式应为 YYYY-MM-DD。")
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00+08:00`)), "日期无效。");

/**
 * The page's filters, strict: unlike the page (which drops a malformed filter and shows more),
 * an export with a bad filter is refused, so a file never silently holds more than asked for.
 */
const auditExportSchema = z.strictObject({
  actor: safeText(254).default(""),
  action: safeText(64).default(""),
  target: safeText(64).default(""),
  from: day.optional(),
  to: day.optional(),
});

type Labels = { action(key: string): string; target(type: string | null): string };

const HEADER = [
  "编号",
  "时间（北京时间）",
  "操作人",
  "操作人邮箱",
  "操作",
  "操作代码",
  "对象类型",
  "对象编号",
  "IP",
  "详情",
];

const beijing = new Intl.DateTimeFormat("sv-SE", {
  timeZone: "Asia/Shanghai",
  dateStyle: "short",
  timeStyle: "medium",
  hourCycle: "h23",
});

/**
 * 导出 CSV of 审计日志: the rows the page shows for the same filters, newest first, read in keyset
 * batches and streamed. At most AUDIT_EXPORT_CAP rows; when there are more, a last line says the
 * file was cut there. The export itself is audited (audit.export) with its filters.
 */
export async function exportAuditCsv(
  actor: Actor | null,
  input: unknown,
  labels: Labels,
  cap: number = AUDIT_EXPORT_CAP,
): Promise<{ filename: string; chunks: AsyncIterable<string> }> {
  assertCan(actor, "audit.view");
  const filters: AuditFilters = auditExportSchema.parse(input);
  await audit(db, { actorId: actor.id, action: "audit.export", targetType: "audit", meta: filters });
  const stamp = beijing.format(new Date()).slice(0, 10).replaceAll("-", "");
  return { filename: `audit-log-${stamp}.csv`, chunks: rows(filters, labels, cap) };
}

async function* rows(filters: AuditFilters, labels: Labels, cap: number): AsyncGenerator<string> {
  yield UTF8_BOM + csvRows([HEADER]);
  let before: bigint | undefined;
  let sent = 0;
  for (;;) {
    const take = Math.min(BATCH, cap - sent);
    // one row more than needed tells whether anything follows (the next batch, or past the cap)
    const batch = await db.auditLog.findMany({
      where: auditWhere(filters, before),
      orderBy: { id: "desc" },
      take: take + 1,
      select: {
        id: true,
        action: true,
        targetType: true,
        targetId: true,
        ip: true,
        meta: true,
        createdAt: true,
        actor: { select: { email: true, profile: { select: { displayName: true } } } },
      },
    });
    const page = batch.slice(0, take);
    if (page.length) {
      yield csvRows(
        page.map((r) => [
          r.id.toString(),
          beijing.format(r.createdAt),
          r.actor ? (r.actor.profile?.displayName ?? r.actor.email) : "系统 / 访客",
          r.actor?.email ?? "",
          labels.action(r.action),
          r.action,
          labels.target(r.targetType),
          r.targetId,
          r.ip,
          r.meta == null ? "" : JSON.stringify(r.meta),
        ]),
      );
    }
    sent += page.length;
    if (batch.length <= take) return;
    if (sent >= cap) {
      yield csvRows([[`（已达导出上限 ${cap} 行，更早的记录未包含，请缩小筛选范围后分次导出）`]]);
      return;
    }
    before = page[page.length - 1]!.id;
  }
}
