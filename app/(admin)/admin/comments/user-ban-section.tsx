import { cardClass } from "@/components/ui/card";
import type { Actor } from "@/lib/authz";
import { formatDateTime } from "@/lib/format/beijing-time";
import { getActiveCommentBan } from "@/lib/services/moderation/list-comment-bans";
import { BanForm } from "./ban-form";
import { LiftBanButton } from "./bans/lift-ban-button";

/** 评论禁言 on a user's admin page: the active ban with 解除, or the form to make one. */
export async function UserBanSection({
  actor,
  user,
}: {
  actor: Actor;
  user: { id: string; displayName: string };
}) {
  const ban = await getActiveCommentBan(actor, user.id);
  return (
    <section aria-labelledby="comment-ban" className={cardClass} data-testid="user-comment-ban">
      <h2 id="comment-ban" className="mb-2 font-semibold">
        评论禁言
      </h2>
      {ban ? (
        <div className="space-y-2 text-sm">
          <p>
            已禁言{ban.expiresAt ? `，至 ${formatDateTime(ban.expiresAt)}` : "（永久）"}。原因：
            <span className="whitespace-pre-wrap break-words">{ban.reason}</span>
          </p>
          <LiftBanButton banId={ban.id} displayName={user.displayName} />
        </div>
      ) : (
        <BanForm userId={user.id} displayName={user.displayName} />
      )}
    </section>
  );
}
