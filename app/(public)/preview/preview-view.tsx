import type { ReactNode } from "react";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatDateTime } from "@/lib/format/beijing-time";
import type { PreviewData } from "@/lib/services/preview/load-preview-article";
import { ArticleView } from "../posts/[publicId]/article-view";

/**
 * A preview: the article through the reading site's own component (ArticleView), under a sticky
 * banner saying it is a preview and in which state, so nobody mistakes it for the live page.
 */
export function PreviewView({ data, actions }: { data: PreviewData; actions?: ReactNode }) {
  return (
    <div className="mx-auto max-w-4xl">
      <div
        role="status"
        data-testid="preview-banner"
        className="sticky top-0 z-20 mb-4 flex flex-wrap items-center gap-x-3 gap-y-1 rounded-b-lg border border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-950 shadow-sm"
      >
        <strong className="font-semibold">预览</strong>
        <StatusBadge kind="article" status={data.status} />
        {data.status === "SCHEDULED" && data.scheduledAt && (
          <span>定于 {formatDateTime(data.scheduledAt)} 发布</span>
        )}
        <span>
          {data.status === "PUBLISHED"
            ? "读者看到的文章页与此一致。"
            : "文章尚未公开；发布后，读者看到的文章页与此一致。"}
        </span>
        {data.pending && (
          <span data-testid="preview-pending">
            显示的是 {data.pending.editorName} 于 {formatDateTime(data.pending.updatedAt)}{" "}
            保存、尚未更新到线上的修改。
          </span>
        )}
        {actions && <span className="ml-auto">{actions}</span>}
      </div>
      <ArticleView article={data.article} preview />
    </div>
  );
}
