import Link from "next/link";
import { primaryButton } from "@/components/ui/button";
import { cardClass } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import type { ModerationQuery } from "@/lib/services/moderation/list-comments-for-moderation";

/** A plain GET form: the filters live in the URL, so a filtered queue can be shared and reloaded. */
export function QueueFilters({ query }: { query: ModerationQuery }) {
  const filtered = Boolean(query.article || query.user || query.q);
  return (
    <form
      role="search"
      aria-label="筛选评论"
      action="/admin/comments"
      className={`${cardClass} grid gap-3 sm:grid-cols-[1fr_1fr_1fr_auto] sm:items-end`}
    >
      {query.status !== "PENDING" && <input type="hidden" name="status" value={query.status} />}
      <FormField
        size="sm"
        name="article"
        type="search"
        label="文章"
        defaultValue={query.article}
        maxLength={100}
        placeholder="文章编号或标题"
      />
      <FormField
        size="sm"
        name="user"
        type="search"
        label="评论者"
        defaultValue={query.user}
        maxLength={100}
        placeholder="昵称或用户编号"
      />
      <FormField
        size="sm"
        name="q"
        type="search"
        label="评论内容"
        defaultValue={query.q}
        maxLength={100}
        placeholder="包含的文字"
      />
      <div className="flex items-center gap-3">
        <button type="submit" className={primaryButton}>
          筛选
        </button>
        {filtered && (
          <Link
            href={query.status === "PENDING" ? "/admin/comments" : `/admin/comments?status=${query.status}`}
            className="text-sm text-brand-700 hover:underline"
          >
            清除
          </Link>
        )}
      </div>
    </form>
  );
}
