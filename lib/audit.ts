import type { Prisma } from "@/lib/generated/prisma/client";
import { requestContext } from "@/lib/security/request-context";

type AuditWriter = {
  auditLog: { create(args: { data: Prisma.AuditLogUncheckedCreateInput }): Promise<unknown> };
};

export type AuditEntry = {
  actorId: string | null;
  action: string;
  targetType?: string;
  targetId?: string;
  meta?: Prisma.InputJsonValue;
};

/**
 * Writes one audit row, with the IP and user agent of the current request when there is one.
 * Pass the transaction client so the row commits (or rolls back) with the change it records.
 */
export function audit(tx: AuditWriter, entry: AuditEntry) {
  const ctx = requestContext();
  return tx.auditLog.create({
    data: {
      actorId: entry.actorId,
      action: entry.action.slice(0, 64),
      targetType: entry.targetType?.slice(0, 32),
      targetId: entry.targetId?.slice(0, 64),
      ip: ctx?.ip?.slice(0, 64) ?? null,
      userAgent: ctx?.userAgent?.slice(0, 512) ?? null,
      meta: entry.meta,
    },
  });
}
