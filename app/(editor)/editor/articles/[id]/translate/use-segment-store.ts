"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { ActionResult } from "@/lib/errors";
import type { WorkSegment } from "@/lib/translation/types";
import { listSegmentsAction, mergeSegmentsAction, saveSegmentAction, splitSegmentAction } from "./actions";
import type { RowSave } from "./labels";
import { backUpSegment, dropSegmentBackup, readSegmentBackup } from "./segment-backup";

export type StoreState = {
  segments: WorkSegment[];
  /** what each textarea shows: the typed text, saved or not */
  drafts: Record<string, string>;
  saves: Record<string, RowSave>;
};
export type Outcome = { ok: true } | { ok: false; message: string };

const AUTOSAVE_MS = 800;
const NETWORK_MESSAGE = "网络连接失败，译文已备份在本机，请稍后点“重试”。";
const STALE_BACKUP_MESSAGE = "本机有一份未保存的译文，但这一段已在别处修改。请选择保留哪一份。";

const offline = (): ActionResult<never> => ({
  ok: false,
  error: { code: "INTERNAL", message: NETWORK_MESSAGE },
});
const renumbered = (segments: WorkSegment[]) => segments.map((s, position) => ({ ...s, position }));

/**
 * The segments, what is typed in them and each one's save state. A save per segment: 800 ms
 * after typing stops, on blur, or at once on 确认; saves of one segment run one after another,
 * each naming the version it started from. Typed text lives in state (and in localStorage until
 * saved), so a failed or conflicting save never loses it.
 */
export function useSegmentStore(articleId: string, initial: WorkSegment[]) {
  const [state, setState] = useState<StoreState>(() => ({
    segments: initial,
    drafts: Object.fromEntries(initial.map((s) => [s.id, s.targetText])),
    saves: {},
  }));
  // the truth for async work; state mirrors it for rendering
  const ref = useRef(state);
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const chains = useRef(new Map<string, Promise<boolean>>());
  // the save function is defined below; timers reach it through this ref
  const flushRef = useRef<(id: string) => Promise<boolean>>(async () => true);

  const update = useCallback((fn: (s: StoreState) => StoreState) => {
    ref.current = fn(ref.current);
    setState(ref.current);
  }, []);
  const setSave = useCallback(
    (id: string, save: RowSave) => update((s) => ({ ...s, saves: { ...s.saves, [id]: save } })),
    [update],
  );

  const schedule = useCallback((id: string, ms: number) => {
    clearTimeout(timers.current.get(id));
    timers.current.set(
      id,
      setTimeout(() => void flushRef.current(id), ms),
    );
  }, []);

  const doSave = useCallback(
    async (id: string, status?: "DRAFT" | "TRANSLATED" | "REVIEWED"): Promise<boolean> => {
      const { segments, drafts, saves } = ref.current;
      const seg = segments.find((s) => s.id === id);
      if (!seg) return true;
      if (saves[id]?.kind === "conflict") return false;
      const text = drafts[id] ?? seg.targetText;
      if (text === seg.targetText && (!status || status === seg.status)) {
        if (saves[id]?.kind !== "idle" && saves[id]?.kind !== undefined) setSave(id, { kind: "saved" });
        dropSegmentBackup(articleId, id);
        return true;
      }
      setSave(id, { kind: "saving" });
      const result = await saveSegmentAction({
        articleId,
        segmentId: id,
        version: seg.version,
        targetText: text,
        ...(status ? { status } : {}),
      }).catch(offline);
      if (!result.ok) {
        const { code, message, retryAfterSeconds } = result.error;
        backUpSegment(articleId, id, text, seg.version);
        if (retryAfterSeconds !== undefined && (code === "CONFLICT" || code === "UNAVAILABLE")) {
          setSave(id, { kind: "error", message });
          schedule(id, retryAfterSeconds * 1000);
        } else setSave(id, code === "CONFLICT" ? { kind: "conflict", message } : { kind: "error", message });
        return false;
      }
      update((s) => ({
        ...s,
        segments: s.segments.map((x) => (x.id === id ? { ...result.data, position: x.position } : x)),
      }));
      if (ref.current.drafts[id] !== text) {
        setSave(id, { kind: "dirty" });
        schedule(id, AUTOSAVE_MS);
      } else {
        dropSegmentBackup(articleId, id);
        setSave(id, { kind: "saved" });
      }
      return true;
    },
    [articleId, setSave, update, schedule],
  );

  /** Saves now, after any save of this segment already running; true when the server has this text. */
  const flush = useCallback(
    (id: string, status?: "DRAFT" | "TRANSLATED" | "REVIEWED") => {
      clearTimeout(timers.current.get(id));
      const prev = chains.current.get(id) ?? Promise.resolve(true);
      const next = prev.then(() => doSave(id, status)).catch(() => false);
      chains.current.set(id, next);
      return next;
    },
    [doSave],
  );

  useEffect(() => {
    flushRef.current = flush;
  }, [flush]);

  const edit = useCallback(
    (id: string, text: string) => {
      const seg = ref.current.segments.find((s) => s.id === id);
      if (!seg) return;
      update((s) => ({ ...s, drafts: { ...s.drafts, [id]: text } }));
      backUpSegment(articleId, id, text, seg.version);
      if (ref.current.saves[id]?.kind === "conflict") return;
      setSave(id, { kind: "dirty" });
      schedule(id, AUTOSAVE_MS);
    },
    [articleId, update, setSave, schedule],
  );

  /** After a conflict: the server's copy (mine = false) or my text on top of the server's version. */
  const resolveConflict = useCallback(
    async (id: string, keepMine: boolean): Promise<Outcome> => {
      const result = await listSegmentsAction(articleId).catch(offline);
      if (!result.ok) return { ok: false, message: result.error.message };
      const latest = result.data.segments.find((s) => s.id === id);
      if (!latest) return { ok: false, message: "这一段已被合并或拆分，请刷新页面。" };
      update((s) => ({
        segments: s.segments.map((x) => (x.id === id ? { ...latest, position: x.position } : x)),
        drafts: keepMine ? s.drafts : { ...s.drafts, [id]: latest.targetText },
        saves: { ...s.saves, [id]: { kind: keepMine ? "dirty" : "saved" } },
      }));
      if (keepMine) return (await flush(id)) ? { ok: true } : { ok: false, message: "保存失败，请重试。" };
      dropSegmentBackup(articleId, id);
      return { ok: true };
    },
    [articleId, update, flush],
  );

  const merge = useCallback(
    async (id: string): Promise<Outcome> => {
      const i = ref.current.segments.findIndex((s) => s.id === id);
      const second = ref.current.segments[i + 1];
      if (i < 0 || !second) return { ok: false, message: "这是最后一段，没有可合并的下一段。" };
      if (!(await flush(id)) || !(await flush(second.id)))
        return { ok: false, message: "请先解决这两段的保存问题再合并。" };
      const [a, b] = [ref.current.segments[i]!, ref.current.segments[i + 1]!];
      const result = await mergeSegmentsAction({
        articleId,
        firstId: a.id,
        secondId: b.id,
        versions: [a.version, b.version],
      }).catch(offline);
      if (!result.ok) return { ok: false, message: result.error.message };
      update((s) => {
        const drafts = Object.fromEntries(Object.entries(s.drafts).filter(([k]) => k !== b.id));
        return {
          segments: renumbered(
            s.segments.filter((x) => x.id !== b.id).map((x) => (x.id === a.id ? result.data : x)),
          ),
          drafts: { ...drafts, [a.id]: result.data.targetText },
          saves: { ...s.saves, [a.id]: { kind: "saved" } },
        };
      });
      return { ok: true };
    },
    [articleId, flush, update],
  );

  const split = useCallback(
    async (id: string, sourceOffset: number, targetOffset: number): Promise<Outcome> => {
      if (!(await flush(id))) return { ok: false, message: "请先解决这一段的保存问题再拆分。" };
      const seg = ref.current.segments.find((s) => s.id === id)!;
      const result = await splitSegmentAction({
        articleId,
        segmentId: id,
        version: seg.version,
        sourceOffset,
        targetOffset,
      }).catch(offline);
      if (!result.ok) return { ok: false, message: result.error.message };
      const [a, b] = result.data;
      update((s) => ({
        segments: renumbered(s.segments.flatMap((x) => (x.id === id ? [a, b] : [x]))),
        drafts: { ...s.drafts, [a.id]: a.targetText, [b.id]: b.targetText },
        saves: { ...s.saves, [a.id]: { kind: "saved" } },
      }));
      return { ok: true };
    },
    [articleId, flush, update],
  );

  /** Saves everything typed and not yet saved; true when nothing is left unsaved. */
  const flushAll = useCallback(async () => {
    const ids = ref.current.segments.map((s) => s.id);
    const results = await Promise.all(ids.map((id) => flush(id)));
    return results.every(Boolean);
  }, [flush]);

  // text typed here before a crash or a conflict comes back: as it was when the segment has not
  // changed since, or as a conflict to resolve when it has
  useEffect(() => {
    const backup = readSegmentBackup(articleId);
    const restorable = ref.current.segments.filter(
      (s) => backup[s.id] && backup[s.id]!.text !== s.targetText,
    );
    if (!restorable.length) return;
    update((s) => {
      const drafts = { ...s.drafts };
      const saves = { ...s.saves };
      for (const seg of restorable) {
        const b = backup[seg.id]!;
        drafts[seg.id] = b.text;
        saves[seg.id] =
          b.version === seg.version ? { kind: "dirty" } : { kind: "conflict", message: STALE_BACKUP_MESSAGE };
      }
      return { ...s, drafts, saves };
    });
    for (const seg of restorable) if (backup[seg.id]!.version === seg.version) schedule(seg.id, AUTOSAVE_MS);
    // once, on mount
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const t = timers.current;
    const warn = (e: BeforeUnloadEvent) => {
      if (Object.values(ref.current.saves).some((s) => s.kind !== "saved" && s.kind !== "idle"))
        e.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => {
      window.removeEventListener("beforeunload", warn);
      for (const timer of t.values()) clearTimeout(timer);
    };
  }, []);

  /** The latest state, for event handlers (render reads `state`). */
  const current = useCallback(() => ref.current, []);

  return { state, current, edit, flush, flushAll, resolveConflict, merge, split };
}
