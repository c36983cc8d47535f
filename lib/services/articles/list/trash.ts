import { POLICY, type Actor } from "@/lib/authz";

/**
 * The 回收站 (deleted articles: seeing them, restoring them) belongs to whoever may delete any
 * article, not just their own drafts: the `article.delete` "all" grant (admins). No new policy
 * row: restoring undoes exactly what that grant allows.
 */
export function mayUseTrash(actor: Actor | null): actor is Actor {
  return !!actor && actor.status === "ACTIVE" && POLICY["article.delete"][actor.role] === "all";
}
