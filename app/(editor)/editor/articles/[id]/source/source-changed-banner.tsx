import { formatDateTime } from "@/lib/format/beijing-time";
import type { SegmentDiffEntry } from "@/lib/translation/diff/segment-diff";
import type { SnapshotView } from "@/lib/services/translation/source-updates/snapshot-view";
import type { SourceUpdate } from "@/lib/services/translation/source-updates/get-source-update";
import { AcknowledgeButton } from "./acknowledge-button";
import { SegmentDiffView } from "./segment-diff-view";
import { isWebUrl } from "./segment-text";

type Props = { update: SourceUpdate; newest: SnapshotView; diff: SegmentDiffEntry[] };

/** 原文已更新: when and how much the source changed, the diff, and 我已处理 for the article's editors. */
export function SourceChangedBanner({ update, newest, diff }: Props) {
  const count = (op: SegmentDiffEntry["op"]) => diff.filter((e) => e.op === op).length;
  const link = newest.finalUrl ?? newest.url;
  return (
    <section aria-labelledby="source-changed" className="space-y-3">
      <div className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-950">
        <h2 id="source-changed" className="text-lg font-semibold">
          原文已更新
        </h2>
        <p className="mt-1 text-sm">
          {formatDateTime(newest.fetchedAt)} 抓取的原文与译文依据的版本不同：修改 {count("changed")} 段，新增{" "}
          {count("added")} 段，删除 {count("removed")} 段。请对照下面的差异修改译文
          {update.canAcknowledge ? "，处理完后点击“我已处理”。" : "；处理完后请编辑确认。"}
        </p>
        <p className="mt-1 text-xs">
          新版本 ETag：{newest.etag ?? "—"}
          {isWebUrl(link) && (
            <>
              {" · "}
              <a href={link} target="_blank" rel="noopener noreferrer nofollow" className="underline">
                打开原文
              </a>
            </>
          )}
        </p>
        {update.canAcknowledge && (
          <div className="mt-3">
            <AcknowledgeButton articleId={update.article.id} snapshotId={newest.id} />
          </div>
        )}
      </div>
      <SegmentDiffView diff={diff} affected={update.affected} />
    </section>
  );
}
