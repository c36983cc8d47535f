import type { CommentThread, PublicComment } from "@/lib/services/public/list-article-comments";
import type { OwnComment } from "./use-comment-reader";

export type ShownComment = PublicComment & { own?: OwnComment };
export type ShownThread = ShownComment & { replies: ShownComment[] };
type Me = { publicId: string; displayName: string };

const isLive = (o: OwnComment) => o.status === "PENDING" || o.status === "APPROVED";

function asShown(o: OwnComment, me: Me): ShownComment {
  const { publicId, displayName } = me;
  return {
    id: o.id,
    body: o.body,
    createdAt: o.createdAt,
    editedAt: o.editedAt,
    deleted: false,
    author: { publicId, displayName, avatarUrl: null },
    own: o,
  };
}

/** A cached comment as this reader should see it: their newer text, or gone once they deleted it. */
function overlay(c: PublicComment, mine: Map<string, OwnComment>): ShownComment | null {
  const o = mine.get(c.id);
  if (!o || c.deleted) return c;
  if (!isLive(o)) return null;
  return { ...c, body: o.body, editedAt: o.editedAt, own: o };
}

/**
 * The cached, shared list with this reader's own comments laid over it: their pending comments and
 * replies (marked 待审核), edits and deletions show at once, before moderation or the cache catch
 * up. A top-level comment the reader deleted stays as "该评论已删除" while replies hang under it.
 * Pure, so it is the same on every render and testable without a browser.
 */
export function mergeOwnComments(
  threads: CommentThread[],
  mine: Map<string, OwnComment>,
  me: Me,
): ShownThread[] {
  const loaded = new Set<string>();
  for (const t of threads) {
    loaded.add(t.id);
    for (const r of t.replies) loaded.add(r.id);
  }
  const newest = Math.max(0, ...threads.map((t) => t.createdAt.getTime()));
  const own = [...mine.values()].filter((o) => isLive(o) && !loaded.has(o.id));

  const shown: ShownThread[] = [];
  for (const t of threads) {
    const replies = t.replies.map((r) => overlay(r, mine)).filter((r): r is ShownComment => r !== null);
    for (const o of own) if (o.parentId === t.id) replies.push(asShown(o, me));
    replies.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    const top = overlay(t, mine);
    if (top) shown.push({ ...top, replies });
    else if (replies.length > 0) shown.push({ ...t, body: "", deleted: true, replies });
  }
  // the reader's own new top-level comments lead the list: pending ones, and approved ones the
  // cached first page does not have yet (older approved ones are on a later page)
  const fresh = own
    .filter((o) => !o.parentId && (o.status === "PENDING" || o.createdAt.getTime() > newest))
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
    .map((o) => ({ ...asShown(o, me), replies: [] }));
  return [...fresh, ...shown];
}
