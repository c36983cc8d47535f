import type { SourceSegment } from "@/lib/translation/types";
import type { SegmentKind } from "@/lib/generated/prisma/enums";

export const KIND_LABELS: Record<SegmentKind, string> = {
  HEADING: "标题",
  PARAGRAPH: "段落",
  LIST_ITEM: "列表项",
  QUOTE: "引用",
  CODE: "代码",
  TABLE: "表格",
  IMAGE: "图片",
};

/** Only web addresses become links: a snapshot's URL is data from elsewhere. */
export const isWebUrl = (u: string | null | undefined): u is string => !!u && /^https?:\/\//i.test(u);

/** One source segment as plain, read-only text (an image by its address: we never load it). */
export function SegmentText({ segment }: { segment: SourceSegment }) {
  if (segment.kind === "IMAGE") {
    const src = String(segment.node?.attrs?.src ?? "");
    const caption = String(segment.node?.attrs?.caption ?? segment.node?.attrs?.alt ?? "");
    return (
      <span className="text-ink-600">
        [图片] <span className="break-all">{src}</span>
        {caption && <span> · {caption}</span>}
      </span>
    );
  }
  if (segment.kind === "CODE" || segment.kind === "TABLE")
    return <pre className="overflow-x-auto whitespace-pre-wrap font-mono text-sm">{segment.text}</pre>;
  return (
    <span className={segment.kind === "HEADING" ? "font-semibold" : undefined} lang="en">
      {segment.text}
    </span>
  );
}
