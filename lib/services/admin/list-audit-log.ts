import "server-only";
import { z } from "zod";
import { assertCan, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isSafeText } from "@/lib/validation";

const AUDIT_PAGE_SIZE = 50;

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00+08:00`)))
  .optional()
  .catch(undefined);

// Query-string input: a malformed filter is dropped rather than turned into an error page.
const auditFilterSchema = z.object({
  actor: z.string().trim().max(254).refine(isSafeText).catch("").default(""),
  action: z.string().trim().max(64).refine(isSafeText).catch("").default(""),
  target: z.string().trim().max(64).refine(isSafeText).catch("").default(""),
  from: day,
  to: day,
  before: z
    .string()
    .regex(/^\d{1,19}$/)
    .optional()
    .catch(undefined),
});

export type AuditFilters = Omit<z.output<typeof auditFilterSchema>, "before">;

type AuditRow = {
  id: string;
  action: string;
  actor: { id: string; displayName: string; email: string } | null;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  meta: unknown;
  createdAt: Date;
};

export type AuditPage = { items: AuditRow[]; nextBefore: string | null; filters: AuditFilters };

/** Dates in the filter are Beijing days, as the staff read them. */
const startOf = (d: string) => new Date(`${d}T00:00:00+08:00`);
const endOf = (d: string) => new Date(startOf(d).getTime() + 86_400_000);

/**
 * The page's filters as a where clause, shared with the CSV export so both show the same rows;
 * `before` is the keyset cursor (ids below it).
 */
export function auditWhere(filters: AuditFilters, before?: bigint): Prisma.AuditLogWhereInput {
  return {
    ...(before ? { id: { lt: before } } : {}),
    ...(filters.action ? { action: { startsWith: filters.action } } : {}),
    ...(filters.target ? { targetId: filters.target } : {}),
    ...(filters.from || filters.to
      ? {
          createdAt: {
            ...(filters.from ? { gte: startOf(filters.from) } : {}),
            ...(filters.to ? { lt: endOf(filters.to) } : {}),
          },
        }
      : {}),
    ...(filters.actor
      ? {
          actor: {
            OR: [
              { id: filters.actor },
              { email: { contains: filters.actor, mode: "insensitive" } },
              { profile: { displayName: { contains: filters.actor, mode: "insensitive" } } },
            ],
          },
        }
      : {}),
  };
}

/**
 * 审计日志 (admins): newest first, keyset-paged by id (?before=), filtered by actor (email or
 * display name, case-insensitive), action prefix ("user." → every user action), exact target
 * id, and a date range.
 */
export async function listAuditLog(
  viewer: Actor | null,
  input: Record<string, unknown> = {},
): Promise<AuditPage> {
  assertCan(viewer, "audit.view");
  const { before, ...filters } = auditFilterSchema.parse(input);
  const where = auditWhere(filters, before ? BigInt(before) : undefined);
  const rows = await db.auditLog.findMany({
    where,
    orderBy: { id: "desc" },
    take: AUDIT_PAGE_SIZE + 1,
    select: {
      id: true,
      action: true,
      targetType: true,
      targetId: true,
      ip: true,
      meta: true,
      createdAt: true,
      actor: { select: { id: true, email: true, profile: { select: { displayName: true } } } },
    },
  });
  const page = rows.slice(0, AUDIT_PAGE_SIZE);
  return {
    items: page.map((r) => ({
      ...r,
      id: r.id.toString(),
      actor: r.actor
        ? { id: r.actor.id, email: r.actor.email, displayName: r.actor.profile?.displayName ?? r.actor.email }
        : null,
    })),
    nextBefore: rows.length > AUDIT_PAGE_SIZE ? page[page.length - 1]!.id.toString() : null,
    filters,
  };
}
