import "server-only";
import { can, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";

/**
 * The staff header's badge: comments waiting for a moderator, or null for those who may not
 * moderate (the header then shows no link). One index-only count on (status, createdAt), run
 * per request on dynamic staff pages: nothing is cached, so no user ever sees another's answer.
 */
export async function countPendingComments(actor: Actor | null): Promise<number | null> {
  if (!can(actor, "comment.moderate")) return null;
  return db.comment.count({ where: { status: "PENDING" } });
}
