import type { ArticleDiff, BlockDiff, TextPart } from "@/lib/services/articles/revisions/diff";

const CHANGE_LABEL: Record<BlockDiff["change"], string> = {
  same: "",
  added: "新增",
  removed: "删除",
  changed: "修改",
};
const CHANGE_STYLE: Record<BlockDiff["change"], string> = {
  same: "border-l-4 border-transparent",
  added: "border-l-4 border-green-600 bg-green-50",
  removed: "border-l-4 border-red-600 bg-red-50",
  changed: "border-l-4 border-amber-500 bg-amber-50",
};

/**
 * Inserted text is <ins> (underlined), deleted <del> (struck through), each with a screen-reader
 * word; blocks carry a written 新增/删除/修改 tag: colour is never the only signal.
 */
function Parts({ parts, only }: { parts: TextPart[]; only?: "before" | "after" }) {
  return (
    <>
      {parts.map((p, i) => {
        if (p.op === "same") return <span key={i}>{p.text}</span>;
        // the spoken markers sit outside <ins>/<del>, so the elements hold exactly the changed text
        if (p.op === "ins")
          return only === "before" ? null : (
            <span key={i}>
              <span className="sr-only">［新增：</span>
              <ins className="bg-green-200 text-green-950 underline decoration-2">{p.text}</ins>
              <span className="sr-only">］</span>
            </span>
          );
        return only === "after" ? null : (
          <span key={i}>
            <span className="sr-only">［删除：</span>
            <del className="bg-red-200 text-red-950 line-through decoration-2">{p.text}</del>
            <span className="sr-only">］</span>
          </span>
        );
      })}
    </>
  );
}

function Tag({ change }: { change: BlockDiff["change"] }) {
  if (change === "same") return null;
  return (
    <span className="mr-2 rounded border border-current px-1 text-xs font-medium" data-change={change}>
      {CHANGE_LABEL[change]}
    </span>
  );
}

type Props = {
  diff: ArticleDiff;
  /** column headings when side by side */
  beforeLabel: string;
  afterLabel: string;
  layout?: "inline" | "split";
  /** unchanged blocks between changes are folded away beyond this many */
  context?: number;
};

/** 版本差异: title, lede and the body's blocks, inline (one column) or side by side. */
export function DiffView({ diff, beforeLabel, afterLabel, layout = "inline", context = 1 }: Props) {
  if (diff.identical) return <p className="text-sm text-ink-600">两个版本的标题、导语和正文完全相同。</p>;
  const shown = diff.blocks.map((b, i) => {
    if (b.change !== "same") return true;
    for (let d = -context; d <= context; d++)
      if (diff.blocks[i + d] && diff.blocks[i + d]!.change !== "same") return true;
    return false;
  });
  const { added, removed, changed } = diff.counts;
  const rows: React.ReactNode[] = [];
  diff.blocks.forEach((b, i) => {
    if (!shown[i]) {
      if (shown[i - 1] !== false)
        rows.push(
          <li key={`gap-${i}`} className="py-1 text-center text-xs text-ink-600">
            ⋯ 未改动的内容 ⋯
          </li>,
        );
      return;
    }
    rows.push(
      <li key={i} className={`px-2 py-1.5 ${CHANGE_STYLE[b.change]}`} data-change={b.change}>
        <p className="mb-0.5 text-xs text-ink-600">
          <Tag change={b.change} />
          {b.label}
        </p>
        {layout === "split" ? (
          <div className="grid grid-cols-2 gap-3">
            <p className="whitespace-pre-wrap break-words">
              {b.change === "added" ? (
                <span className="text-ink-600">（无）</span>
              ) : (
                <Parts parts={b.parts} only="before" />
              )}
            </p>
            <p className="whitespace-pre-wrap break-words">
              {b.change === "removed" ? (
                <span className="text-ink-600">（无）</span>
              ) : (
                <Parts parts={b.parts} only="after" />
              )}
            </p>
          </div>
        ) : (
          <p className="whitespace-pre-wrap break-words">
            <Parts parts={b.parts} />
          </p>
        )}
      </li>,
    );
  });
  const field = (name: string, parts: TextPart[]) =>
    parts.some((p) => p.op !== "same") && (
      <div className="rounded border border-amber-300 bg-amber-50 px-2 py-1.5">
        <p className="mb-0.5 text-xs text-ink-600">
          <Tag change="changed" />
          {name}
        </p>
        {layout === "split" ? (
          <div className="grid grid-cols-2 gap-3">
            <p className="break-words">
              <Parts parts={parts} only="before" />
            </p>
            <p className="break-words">
              <Parts parts={parts} only="after" />
            </p>
          </div>
        ) : (
          <p className="break-words">
            <Parts parts={parts} />
          </p>
        )}
      </div>
    );
  return (
    <div className="space-y-2 text-sm" data-testid="diff-view">
      <p className="text-xs text-ink-600">
        从「{beforeLabel}」到「{afterLabel}」：新增 {added} 处，删除 {removed} 处，修改 {changed} 处
      </p>
      {layout === "split" && (
        <div className="grid grid-cols-2 gap-3 px-2 text-xs font-semibold text-ink-900" aria-hidden="true">
          <span>{beforeLabel}</span>
          <span>{afterLabel}</span>
        </div>
      )}
      {field("标题", diff.title)}
      {field("导语", diff.lede)}
      <ol className="space-y-1" aria-label="正文差异">
        {rows}
      </ol>
    </div>
  );
}
