import Link from "next/link";
import { connection } from "next/server";
import { getCurrentUser } from "@/lib/auth/session";
import { countPendingComments } from "@/lib/services/moderation/count-pending-comments";

/** The pending count as a badge; its words are in the link's name, so it is read out too. */
export function PendingBadge({ count }: { count: number }) {
  if (!count) return null;
  return (
    <span
      className="ml-1 inline-block min-w-5 rounded-full bg-red-600 px-1.5 text-center text-xs font-medium leading-5 text-white"
      data-testid="pending-comments"
    >
      {count > 999 ? "999+" : count}
      <span className="sr-only"> 条待审核</span>
    </span>
  );
}

/**
 * 评论审核 with the number of comments waiting, in the editor workspace's header, for those who
 * may moderate. Rendered per request (a staff page): the count is never cached across users.
 */
export async function ModerationLink({ className }: { className: string }) {
  await connection(); // request time only: the session lookup uses crypto before it touches cookies
  const count = await countPendingComments(await getCurrentUser());
  if (count === null) return null;
  return (
    <Link href="/admin/comments" className={className}>
      评论审核
      <PendingBadge count={count} />
    </Link>
  );
}
