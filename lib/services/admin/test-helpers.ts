// Shared by the admin-area *.int.test.ts files (users, moderation, categories, settings).
import type { Actor } from "@/lib/authz";
import type { Role } from "@/lib/generated/prisma/enums";
import { withRequestContext } from "@/lib/security/request-context";
import { createUser } from "@/lib/test/factories";

/** The Actor a signed-in user of this role would be, for calling services directly. */
export async function createActor(role: Role): Promise<Actor> {
  const u = await createUser({ role });
  return {
    id: u.id,
    role: u.role,
    status: u.status,
    displayName: u.profile!.displayName,
    publicId: u.profile!.publicId,
  };
}

/** Runs fn as if inside a secured action from this IP (audit rows pick the IP up from here). */
export function fromIp<T>(ip: string, fn: () => Promise<T>): Promise<T> {
  return withRequestContext({ action: "test", ip, userAgent: "vitest" }, fn);
}

/**
 * The audit rows written about one target, oldest first. Pass the type for integer ids: a tag, a
 * category and a glossary term can share an id, and other test files write in parallel.
 */
export async function auditRowsFor(targetId: string, targetType?: string) {
  const { db } = await import("@/lib/db");
  return db.auditLog.findMany({ where: { targetId, targetType }, orderBy: { id: "asc" } });
}
