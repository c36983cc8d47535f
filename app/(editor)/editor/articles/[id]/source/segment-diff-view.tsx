import type { AffectedSegment, SegmentRef } from "@/lib/translation/diff/affected-segments";
import type { DiffWord, SegmentDiffEntry } from "@/lib/translation/diff/segment-diff";
import { KIND_LABELS, SegmentText } from "./segment-text";

// red-900 on red-100 and emerald-900 on emerald-100 are above 7:1; the strike and the underline
// say removed and added without colour
const DEL = "rounded-sm bg-red-100 px-0.5 text-red-900 line-through decoration-red-900";
const INS = "rounded-sm bg-emerald-100 px-0.5 text-emerald-900 underline decoration-emerald-900";

const OP = {
  changed: { label: "修改", border: "border-amber-500" },
  added: { label: "新增", border: "border-emerald-600" },
  removed: { label: "删除", border: "border-red-600" },
} as const;

const where = (refs: SegmentRef[]) =>
  refs.length ? `译文第 ${refs.map((r) => r.position + 1).join("、")} 段` : "译文中没有对应的段落";

function Words({ words }: { words: DiffWord[] }) {
  return (
    <p lang="en" className="whitespace-pre-wrap leading-7">
      {words.map((w, i) =>
        w.removed ? (
          <del key={i} className={DEL}>
            {w.text}
          </del>
        ) : w.added ? (
          <ins key={i} className={INS}>
            {w.text}
          </ins>
        ) : (
          <span key={i}>{w.text}</span>
        ),
      )}
    </p>
  );
}

function Change({ e, affected }: { e: SegmentDiffEntry; affected?: AffectedSegment }) {
  if (e.op === "same") return null;
  const seg = (e.after ?? e.before)!.segment;
  const target =
    e.op === "added"
      ? affected?.insertAfter
        ? `插在译文第 ${affected.insertAfter.position + 1} 段之后`
        : "插在译文开头"
      : where(affected?.segments ?? []);
  return (
    <li className={`rounded-md border-l-4 bg-white p-3 shadow-sm ${OP[e.op].border}`}>
      <p className="mb-1 text-xs text-ink-600">
        <strong className="font-semibold text-ink-900">{OP[e.op].label}</strong> · {KIND_LABELS[seg.kind]} ·{" "}
        {target}
      </p>
      {e.op === "changed" && e.words?.some((w) => w.added || w.removed) ? (
        <Words words={e.words} />
      ) : e.op === "changed" ? (
        <div>
          <p className="text-xs text-ink-600">
            类型由{KIND_LABELS[e.before!.segment.kind]}变为{KIND_LABELS[e.after!.segment.kind]}
            ，或图片有变化：
          </p>
          <del className={`block ${DEL}`}>
            <SegmentText segment={e.before!.segment} />
          </del>
          <ins className={`block ${INS}`}>
            <SegmentText segment={e.after!.segment} />
          </ins>
        </div>
      ) : (
        <div className={e.op === "added" ? INS : DEL}>
          <SegmentText segment={seg} />
        </div>
      )}
    </li>
  );
}

/**
 * The old and new source inline, in reading order: unchanged runs folded away, each change with
 * its words struck and inserted and the translation segment it concerns.
 */
export function SegmentDiffView({
  diff,
  affected,
}: {
  diff: SegmentDiffEntry[];
  affected: AffectedSegment[];
}) {
  const byEntry = new Map(affected.map((a) => [a.entry, a]));
  const out: React.ReactNode[] = [];
  let same: SegmentDiffEntry[] = [];
  const fold = (key: string) => {
    if (!same.length) return;
    const run = same;
    out.push(
      <li key={key}>
        <details className="rounded-md bg-slate-50 px-3 py-2 text-sm text-ink-600">
          <summary className="cursor-pointer">未变的 {run.length} 段</summary>
          <ol className="mt-2 space-y-2">
            {run.map((s) => (
              <li key={s.after!.index}>
                <SegmentText segment={s.after!.segment} />
              </li>
            ))}
          </ol>
        </details>
      </li>,
    );
    same = [];
  };
  diff.forEach((e, i) => {
    if (e.op === "same") return void same.push(e);
    fold(`same-${i}`);
    out.push(<Change key={i} e={e} affected={byEntry.get(i)} />);
  });
  fold("same-end");
  return <ol className="space-y-2">{out}</ol>;
}
