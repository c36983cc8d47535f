"use client";

import {
  useCallback,
  useDeferredValue,
  useEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
} from "react";
import { createTermMatcher, type TermHit } from "@/lib/translation/glossary/match";
import { checkTranslation } from "@/lib/translation/qa";
import { CARRIED_KINDS, type GlossaryEntry, type WorkSegment } from "@/lib/translation/types";
import type { MemoryMatch } from "@/lib/services/translation/memory/lookup-memory";
import type { TranslationWork } from "@/lib/services/translation/segments/list-segments";
import { progressOf } from "@/lib/services/translation/segments/progress";
import { applyToArticleAction, listSegmentsAction } from "./actions";
import { SegmentRow, type RowHandlers } from "./segment-row";
import { SidePanel } from "./side-panel";
import { TranslateHeader, type ApplyState } from "./translate-header";
import { useMemoryMatches } from "./use-memory-matches";
import { useSegmentStore } from "./use-segment-store";

type Props = { work: TranslationWork; glossary: GlossaryEntry[] };

const isText = (s: WorkSegment) => !CARRIED_KINDS.includes(s.kind);
const isDone = (s: WorkSegment) => s.status === "TRANSLATED" || s.status === "REVIEWED";
const IDLE = { kind: "idle" } as const;
const NO_HITS: TermHit[] = [];

/** 双语翻译: the segment grid, its side panel (memory, terms, QA) and the keyboard. */
export function TranslateWorkspace({ work, glossary }: Props) {
  const { article, permissions } = work;
  const store = useSegmentStore(article.id, work.segments);
  const { segments, drafts, saves } = store.state;
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const [apply, setApply] = useState<ApplyState>({ kind: "idle" });
  const articleVersion = useRef(article.version);
  const boxes = useRef(new Map<string, HTMLTextAreaElement>());

  const matcher = useMemo(() => createTermMatcher(glossary), [glossary]);
  // a source changes only by merge or split, and both change the list of ids: matching runs
  // again then, not on every save (rows keep the same hit arrays and skip re-rendering)
  const idList = segments.map((s) => s.id).join(",");
  const hitsById = useMemo(
    () => new Map(segments.map((s) => [s.id, isText(s) ? matcher.find(s.sourceText) : []])),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [idList, matcher],
  );

  const focused = segments.find((s) => s.id === focusedId) ?? null;
  const memory = useMemoryMatches(focused && isText(focused) ? focused.sourceText : null);
  const memoryRef = useRef<MemoryMatch[]>([]);
  useEffect(() => {
    memoryRef.current = memory.kind === "ready" ? memory.matches : [];
  }, [memory]);

  // QA runs on what is typed, a beat behind the keyboard
  const deferred = useDeferredValue(store.state);
  const findings = useMemo(() => {
    const live = deferred.segments.map((s) => ({ ...s, targetText: deferred.drafts[s.id] ?? s.targetText }));
    const all = checkTranslation(live, { matcher, stage: "translate" });
    // an empty segment is already counted by the progress bar; the list keeps what needs fixing
    const shown = all.filter(
      (f) => !(f.code === "untranslated" && !live.find((s) => s.id === f.segmentId)?.targetText.trim()),
    );
    return shown.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1));
  }, [deferred, matcher]);
  const numbers = useMemo(() => new Map(segments.map((s, i) => [s.id, i + 1])), [segments]);

  const focusSegment = useCallback((id: string | undefined) => {
    if (!id) return;
    const box = boxes.current.get(id);
    if (box) box.focus();
    else document.getElementById(`seg-${id}`)?.scrollIntoView({ block: "center" });
    setFocusedId(id);
  }, []);

  /** The next text segment after `id` (backwards with dir -1), optionally only unconfirmed ones, wrapping around. */
  const neighbour = useCallback(
    (id: string, dir: 1 | -1, unconfirmed: boolean) => {
      const list = store.current().segments;
      const i = list.findIndex((s) => s.id === id);
      for (let k = 1; k < list.length; k++) {
        const s = list[(i + dir * k + list.length) % list.length]!;
        if (!unconfirmed && (dir === 1 ? i + k >= list.length : i - k < 0)) return undefined;
        if (isText(s) && (!unconfirmed || !isDone(s))) return s.id;
      }
      return undefined;
    },
    [store],
  );

  const { edit, flush, resolveConflict, merge, split } = store;
  const confirm = useCallback(
    (id: string, status: "TRANSLATED" | "REVIEWED") => {
      if (store.current().drafts[id]?.trim()) void flush(id, status);
    },
    [store, flush],
  );

  const keyDown = useCallback(
    (e: KeyboardEvent<HTMLTextAreaElement>, id: string) => {
      const mod = e.ctrlKey || e.metaKey;
      if (mod && e.key === "Enter") {
        e.preventDefault();
        confirm(id, "TRANSLATED");
        focusSegment(neighbour(id, 1, true));
      } else if (e.altKey && (e.key === "ArrowDown" || e.key === "ArrowUp")) {
        e.preventDefault();
        focusSegment(neighbour(id, e.key === "ArrowDown" ? 1 : -1, false));
      } else if (mod && e.shiftKey && e.key === "ArrowDown") {
        e.preventDefault();
        focusSegment(neighbour(id, 1, true));
      } else if ((e.altKey || mod) && /^Digit[1-5]$/.test(e.code)) {
        const match = memoryRef.current[Number(e.code.slice(5)) - 1];
        if (!match) return;
        e.preventDefault();
        edit(id, match.targetText);
      }
    },
    [confirm, edit, focusSegment, neighbour],
  );

  const on: RowHandlers = useMemo(
    () => ({
      edit,
      focus: setFocusedId,
      blur: (id) => void flush(id),
      keyDown,
      confirm,
      retry: (id) => void flush(id),
      resolve: resolveConflict,
      merge,
      split,
      register: (id, el) => {
        if (el) boxes.current.set(id, el);
        else boxes.current.delete(id);
      },
    }),
    [edit, flush, keyDown, confirm, resolveConflict, merge, split],
  );

  const insertMemory = (m: MemoryMatch) => {
    if (!focusedId) return;
    edit(focusedId, m.targetText);
    boxes.current.get(focusedId)?.focus();
  };

  async function generate() {
    setApply({ kind: "busy" });
    if (!(await store.flushAll()))
      return setApply({ kind: "error", message: "还有段落没有保存成功，请先处理标红的段落再生成正文。" });
    const r = await applyToArticleAction({ articleId: article.id, version: articleVersion.current }).catch(
      () => null,
    );
    if (!r) return setApply({ kind: "error", message: "网络连接失败，请稍后重试。" });
    if (r.ok) {
      articleVersion.current = r.data.version;
      return setApply({ kind: "done", skipped: r.data.skipped, linkedImages: r.data.linkedImages });
    }
    if (r.error.code === "CONFLICT") {
      const latest = await listSegmentsAction(article.id).catch(() => null);
      if (latest?.ok) articleVersion.current = latest.data.article.version;
      return setApply({
        kind: "error",
        message:
          "文章在编辑器中被修改过。再次点击“生成正文”会用译文替换当前正文（修改前的正文可在“历史版本”中恢复）。",
      });
    }
    setApply({ kind: "error", message: r.error.message });
  }

  return (
    <div className="space-y-4">
      <TranslateHeader
        article={article}
        progress={progressOf(segments)}
        canEdit={permissions.canEdit}
        apply={apply}
        onApply={() => void generate()}
      />
      {!permissions.canEdit && (
        <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">
          {article.status === "IN_REVIEW"
            ? "稿件正在审核中，译文暂时只读。"
            : "你可以查看这篇译文，但没有修改权限（只读）。"}
        </p>
      )}
      <div className="grid gap-4 xl:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0 space-y-2" aria-label="译文段落">
          <div className="hidden grid-cols-2 gap-3 px-3 text-xs font-medium text-ink-600 md:grid">
            <span>英文原文</span>
            <span>中文译文</span>
          </div>
          {segments.map((seg, i) => {
            const next = segments[i + 1];
            return (
              <SegmentRow
                key={seg.id}
                seg={seg}
                n={i + 1}
                draft={drafts[seg.id] ?? seg.targetText}
                save={saves[seg.id] ?? IDLE}
                hits={hitsById.get(seg.id) ?? NO_HITS}
                isFocused={seg.id === focusedId}
                canEdit={permissions.canEdit}
                canReview={permissions.canReview}
                canMergeNext={Boolean(next && isText(seg) && next.kind === seg.kind)}
                imageNote={work.imageNotes[seg.id]}
                on={on}
              />
            );
          })}
        </div>
        <SidePanel
          focusedNumber={focused ? numbers.get(focused.id) : undefined}
          memory={memory}
          canInsert={permissions.canEdit && Boolean(focused && isText(focused))}
          onInsert={insertMemory}
          hits={focused && isText(focused) ? (hitsById.get(focused.id) ?? NO_HITS) : null}
          findings={findings}
          numberOf={(id) => numbers.get(id)}
          onOpen={focusSegment}
        />
      </div>
    </div>
  );
}
