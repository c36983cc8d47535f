import { AppError } from "@/lib/errors";
import type { ArticleStatus, CommentStatus, Role, UserStatus } from "@/lib/generated/prisma/enums";

/**
 * The one authorization policy. Services call `assertCan` before touching data; pages may call
 * `can` to hide buttons, which is never the check itself. The role × action table below is the
 * source of truth for docs/authorization.md (lib/authz.test.ts fails when they drift apart).
 */

/** Who is acting. Only lib/auth/session.ts creates one, from a verified session. */
export type Actor = { id: string; role: Role; status: UserStatus; displayName: string; publicId: string };

export const ROLES = [
  "READER",
  "CONTRIBUTOR",
  "TRANSLATOR",
  "EDITOR",
  "ADMIN",
] as const satisfies readonly Role[];

/** all: on any object · own: only on the actor's own object (and its state rules) · none: never */
export type Grant = "all" | "own" | "none";

// Columns: READER, CONTRIBUTOR, TRANSLATOR, EDITOR, ADMIN
const g = (r: Grant, c: Grant, t: Grant, e: Grant, a: Grant) => ({
  READER: r,
  CONTRIBUTOR: c,
  TRANSLATOR: t,
  EDITOR: e,
  ADMIN: a,
});

export const POLICY = {
  "article.create": g("none", "all", "all", "all", "all"),
  "article.editOwn": g("none", "own", "own", "own", "own"),
  "article.editAny": g("none", "none", "none", "all", "all"),
  "article.submitForReview": g("none", "own", "own", "own", "own"),
  "article.review": g("none", "none", "none", "all", "all"),
  "article.publish": g("none", "none", "none", "all", "all"),
  "article.schedule": g("none", "none", "none", "all", "all"),
  "article.unpublish": g("none", "none", "none", "all", "all"),
  "article.delete": g("none", "own", "own", "own", "all"),
  "article.viewDraft": g("none", "own", "own", "all", "all"),
  "comment.create": g("all", "all", "all", "all", "all"),
  "comment.editOwn": g("own", "own", "own", "own", "own"),
  "comment.moderate": g("none", "none", "none", "all", "all"),
  // bookmarks are always the actor's own: the service scopes every query to actor.id
  "bookmark.manage": g("all", "all", "all", "all", "all"),
  "contribution.submit": g("all", "all", "all", "all", "all"),
  "media.upload": g("none", "all", "all", "all", "all"),
  "tag.manage": g("none", "none", "none", "all", "all"),
  "category.manage": g("none", "none", "none", "none", "all"),
  "user.manage": g("none", "none", "none", "none", "all"),
  "user.changeRole": g("none", "none", "none", "none", "all"),
  "settings.manage": g("none", "none", "none", "none", "all"),
  "audit.view": g("none", "none", "none", "none", "all"),
  // the admin console (issue 14): dashboard figures, footer pages, the site archive
  "dashboard.view": g("none", "none", "none", "none", "all"),
  "page.manage": g("none", "none", "none", "none", "all"),
  "site.export": g("none", "none", "none", "none", "all"),
  // import replaces or merges the whole site's content: admins, and the service asks for a confirmation
  "site.import": g("none", "none", "none", "none", "all"),
  // translation desk: an editor creates a translation task from a source URL and assigns it;
  // a translator may claim an unassigned one
  "translation.assign": g("none", "none", "none", "all", "all"),
  "translation.claim": g("none", "none", "all", "all", "all"),
  // translation memory and glossary lookups while translating (read-only)
  "translation.tools": g("none", "all", "all", "all", "all"),
  // the termbase: approved translations and do-not-translate names
  "glossary.manage": g("none", "none", "none", "all", "all"),
  // two-step verification on one's own account; required of editors and admins by a site setting
  "account.twoFactor": g("own", "own", "own", "own", "own"),
  // a user's own profile (name, bio, avatar); the service only ever touches the actor's row
  "profile.editOwn": g("own", "own", "own", "own", "own"),
  // a copy of one's own data (profile, comments, bookmarks, contributions); admins export anyone's
  // for a privacy request through user.manage
  "account.exportOwn": g("own", "own", "own", "own", "own"),
  // Admin API integration tokens and outgoing webhooks (issue 17): they reach everything, so admins
  "integration.manage": g("none", "none", "none", "none", "all"),
} as const satisfies Record<string, Record<Role, Grant>>;

export type Action = keyof typeof POLICY;
export const ACTIONS = Object.keys(POLICY) as Action[];

/** A comment may be edited by its author for this long after posting. */
export const COMMENT_EDIT_WINDOW_MS = 10 * 60 * 1000;

export type ArticleRef = {
  kind: "article";
  authorId: string;
  translatorId?: string | null;
  status: ArticleStatus;
};
type CommentRef = { kind: "comment"; authorId: string; createdAt: Date; status?: CommentStatus };
type UserRef = { kind: "user"; id: string };
export type Resource = ArticleRef | CommentRef | UserRef;

function ownerIds(r: Resource): string[] {
  if (r.kind === "article") return r.translatorId ? [r.authorId, r.translatorId] : [r.authorId];
  if (r.kind === "user") return [r.id];
  return [r.authorId];
}

/** State rules that hold whatever the grant: e.g. only drafts are submitted or edited by their author. */
function stateAllows(actor: Actor, action: Action, r: Resource | undefined, now: number): boolean {
  if (!r) return true;
  if (r.kind === "article") {
    if (action === "article.editOwn" || action === "article.submitForReview") return r.status === "DRAFT";
    // an author may delete a draft they own; anything further along is an editor's call
    if (action === "article.delete" && POLICY[action][actor.role] === "own") return r.status === "DRAFT";
  }
  if (r.kind === "comment" && action === "comment.editOwn") {
    return r.status !== "DELETED" && now - r.createdAt.getTime() <= COMMENT_EDIT_WINDOW_MS;
  }
  // an admin cannot change their own role: the last admin must not lock everyone out by accident
  if (r.kind === "user" && action === "user.changeRole") return r.id !== actor.id;
  return true;
}

export function can(
  actor: Actor | null,
  action: Action,
  resource?: Resource,
  now: number = Date.now(),
): boolean {
  if (!actor || actor.status !== "ACTIVE") return false;
  const grant: Grant = POLICY[action][actor.role];
  if (grant === "none") return false;
  // an "own" grant without the object fails closed: ownership cannot be assumed
  if (grant === "own" && (!resource || !ownerIds(resource).includes(actor.id))) return false;
  return stateAllows(actor, action, resource, now);
}

/**
 * Whether the actor's role holds any grant for the action: the security wrappers' coarse gate
 * (lib/security), checked before input is even parsed. The service still makes the object-level
 * decision with assertCan.
 */
export function mayAttempt(actor: Actor | null, action: Action): boolean {
  return !!actor && actor.status === "ACTIVE" && POLICY[action][actor.role] !== "none";
}

/** Whether the actor may know an unpublished article exists at all. */
function mayKnowOf(actor: Actor, r: Resource): boolean {
  if (r.kind !== "article" || r.status === "PUBLISHED") return true;
  return can(actor, "article.viewDraft", r);
}

/**
 * Throws UNAUTHENTICATED without an actor, NOT_FOUND when the actor may not even learn the
 * object exists (someone else's draft), FORBIDDEN otherwise.
 */
export function assertCan(
  actor: Actor | null,
  action: Action,
  resource?: Resource,
  now?: number,
): asserts actor is Actor {
  if (can(actor, action, resource, now)) return;
  if (!actor) throw new AppError("UNAUTHENTICATED");
  if (actor.status === "ACTIVE" && resource && !mayKnowOf(actor, resource)) throw new AppError("NOT_FOUND");
  throw new AppError("FORBIDDEN");
}
