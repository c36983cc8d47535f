import { actionLabel, targetLabel } from "@/app/(admin)/admin/audit/audit-labels";
import { can } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import { streamDownload } from "@/lib/http/stream-download";
import { secureRoute } from "@/lib/security/route";
import { exportAuditCsv } from "@/lib/services/admin/export-audit-csv";

/**
 * 导出 CSV of 审计日志 with the page's filters (?actor=&action=&target=&from=&to=). Admins only
 * (audit.view); anyone else gets a 404, as on every admin-only route. A malformed or unknown
 * filter is a 400 with a zh-CN message, never a wider export.
 */
export const GET = secureRoute({ name: "audit.export", auth: "optional" }, async (_input, { req, actor }) => {
  if (!can(actor, "audit.view")) throw new AppError("NOT_FOUND");
  const query = new URL(req.url).searchParams;
  if ([...query.keys()].length !== new Set(query.keys()).size)
    throw new AppError("INVALID", "每个筛选条件只能出现一次。");
  const csv = await exportAuditCsv(actor, Object.fromEntries(query), {
    action: actionLabel,
    target: targetLabel,
  });
  return streamDownload(csv.chunks, { filename: csv.filename, contentType: "text/csv; charset=utf-8" });
});
