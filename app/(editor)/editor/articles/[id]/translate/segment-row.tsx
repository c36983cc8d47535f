"use client";

import { memo, useRef, useState, type KeyboardEvent } from "react";
import type { TermHit } from "@/lib/translation/glossary/match";
import { CARRIED_KINDS, type WorkSegment } from "@/lib/translation/types";
import { CarriedPreview } from "./carried-preview";
import type { RowSave } from "./labels";
import { RowSaveStatus, StatusChips } from "./row-status";
import { SourceText } from "./source-text";
import { SplitPanel } from "./split-panel";
import type { Outcome } from "./use-segment-store";

export type RowHandlers = {
  edit: (id: string, text: string) => void;
  focus: (id: string) => void;
  blur: (id: string) => void;
  keyDown: (e: KeyboardEvent<HTMLTextAreaElement>, id: string) => void;
  confirm: (id: string, status: "TRANSLATED" | "REVIEWED") => void;
  retry: (id: string) => void;
  resolve: (id: string, keepMine: boolean) => Promise<Outcome>;
  merge: (id: string) => Promise<Outcome>;
  split: (id: string, sourceOffset: number, targetOffset: number) => Promise<Outcome>;
  register: (id: string, el: HTMLTextAreaElement | null) => void;
};

type Props = {
  seg: WorkSegment;
  n: number;
  draft: string;
  save: RowSave;
  hits: TermHit[];
  isFocused: boolean;
  canEdit: boolean;
  canReview: boolean;
  /** the next segment is of the same text kind */
  canMergeNext: boolean;
  imageNote?: string;
  on: RowHandlers;
};

const link = "text-xs text-brand-700 hover:underline disabled:cursor-not-allowed disabled:text-ink-400";

/** One segment: the English on the left, our Chinese on the right (stacked on a phone). */
export const SegmentRow = memo(function SegmentRow(p: Props) {
  const { seg, n, on } = p;
  const [splitting, setSplitting] = useState(false);
  const [problem, setProblem] = useState("");
  const box = useRef<HTMLTextAreaElement | null>(null);
  const carried = CARRIED_KINDS.includes(seg.kind);
  const conflict = p.save.kind === "conflict" ? p.save : null;
  const run = async (task: Promise<Outcome>) => {
    const r = await task;
    setProblem(r.ok ? "" : r.message);
    return r.ok;
  };

  return (
    <div
      id={`seg-${seg.id}`}
      data-testid="segment-row"
      data-status={carried ? "CARRIED" : seg.status}
      data-kind={seg.kind}
      className={`grid scroll-mt-24 gap-3 rounded-lg border bg-white p-3 md:grid-cols-2 ${
        p.isFocused ? "border-brand-500 ring-1 ring-brand-500" : "border-slate-200"
      }`}
    >
      <div className="min-w-0 space-y-1">
        <span className="text-xs text-ink-400">
          {n} ·{" "}
          {seg.kind === "HEADING"
            ? "标题"
            : seg.kind === "LIST_ITEM"
              ? "列表项"
              : seg.kind === "QUOTE"
                ? "引文"
                : carried
                  ? "原样保留"
                  : "段落"}
        </span>
        {carried ? (
          <CarriedPreview seg={seg} imageNote={p.imageNote} />
        ) : (
          <SourceText text={seg.sourceText} hits={p.hits} />
        )}
      </div>
      <div className="min-w-0 space-y-2">
        {carried ? (
          <p className="rounded bg-slate-50 p-2 text-sm text-ink-600">
            原样保留：生成正文时按原文放入，无需翻译。
          </p>
        ) : (
          <>
            <textarea
              ref={(el) => {
                box.current = el;
                on.register(seg.id, el);
              }}
              lang="zh-CN"
              aria-label={`第 ${n} 段译文`}
              value={p.draft}
              readOnly={!p.canEdit}
              onChange={(e) => on.edit(seg.id, e.target.value)}
              onFocus={() => on.focus(seg.id)}
              onBlur={() => on.blur(seg.id)}
              onKeyDown={(e) => on.keyDown(e, seg.id)}
              placeholder={p.canEdit ? "在此输入译文" : ""}
              className="block min-h-16 w-full resize-y rounded-md border border-slate-300 px-3 py-2 text-[15px] leading-relaxed [field-sizing:content] focus:border-brand-600 read-only:bg-slate-50"
            />
            <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
              <StatusChips seg={seg} />
              <RowSaveStatus save={p.save} onRetry={() => on.retry(seg.id)} />
              {p.canEdit && (
                <span className="ml-auto flex flex-wrap gap-3">
                  <button
                    type="button"
                    className={link}
                    onClick={() => on.confirm(seg.id, "TRANSLATED")}
                    disabled={!p.draft.trim()}
                  >
                    确认
                  </button>
                  {p.canReview && (
                    <button
                      type="button"
                      className={link}
                      onClick={() => on.confirm(seg.id, "REVIEWED")}
                      disabled={!p.draft.trim()}
                    >
                      审校通过
                    </button>
                  )}
                  <button
                    type="button"
                    className={link}
                    disabled={!p.canMergeNext}
                    onClick={() => void run(on.merge(seg.id))}
                  >
                    与下一段合并
                  </button>
                  <button
                    type="button"
                    className={link}
                    aria-expanded={splitting}
                    onClick={() => setSplitting((v) => !v)}
                  >
                    在光标处拆分
                  </button>
                </span>
              )}
            </div>
            {splitting && (
              <SplitPanel
                n={n}
                source={seg.sourceText}
                target={() => ({
                  caret: box.current?.selectionStart ?? 0,
                  length: box.current?.value.length ?? 0,
                })}
                onCancel={() => setSplitting(false)}
                onSplit={async (so, to) => {
                  if (await run(on.split(seg.id, so, to))) setSplitting(false);
                }}
              />
            )}
          </>
        )}
        {conflict && (
          <div
            role="alert"
            className="space-y-2 rounded-md border border-red-200 bg-red-50 p-2 text-sm text-red-800"
          >
            <p>{conflict.message}</p>
            <div className="flex flex-wrap gap-3">
              <button type="button" className="underline" onClick={() => void run(on.resolve(seg.id, false))}>
                载入最新版本（放弃我的修改）
              </button>
              <button type="button" className="underline" onClick={() => void run(on.resolve(seg.id, true))}>
                用我的译文覆盖
              </button>
            </div>
          </div>
        )}
        {problem && (
          <p role="alert" className="text-sm text-red-700">
            {problem}
          </p>
        )}
      </div>
    </div>
  );
});
