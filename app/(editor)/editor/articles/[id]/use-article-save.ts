"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { ActionError } from "@/lib/errors";
import { saveArticleAction } from "../actions";
import { clearBackup, writeBackup } from "./draft-backup";
import { changesBetween, sameSnapshot, type Snapshot } from "./draft-fields";

export type SaveState =
  | { kind: "saved"; at: Date | null }
  | { kind: "dirty" }
  | { kind: "saving" }
  | { kind: "error"; error: ActionError }
  | { kind: "conflict"; message: string };

const AUTOSAVE_MS = 3_000;
const BACKUP_MS = 500;

/**
 * Saving with optimistic concurrency. Every change is copied to localStorage within half a
 * second and autosaved after 3 s of quiet; the save names the version it started from, and a
 * CONFLICT stops autosaving (the local copy stays) until the user reloads. A save the server
 * could not do right now (a row locked by someone else's save, an overloaded database: it says
 * when to retry) is tried again by itself.
 */
export function useArticleSave(
  id: string,
  initialVersion: number,
  current: () => Snapshot | null,
  enabled: boolean,
) {
  const [state, setState] = useState<SaveState>({ kind: "saved", at: null });
  const version = useRef(initialVersion);
  const saved = useRef<Snapshot | null>(null);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const timers = useRef<{ save?: ReturnType<typeof setTimeout>; backup?: ReturnType<typeof setTimeout> }>({});
  const conflicted = useRef(false);
  const retryLater = useRef<(ms: number) => void>(() => {});

  const backup = useCallback(
    (snap: Snapshot) => {
      const changed = saved.current ? Object.keys(changesBetween(saved.current, snap) ?? {}) : [];
      if (changed.length) writeBackup(id, { ...snap, changed, baseVersion: version.current, at: Date.now() });
    },
    [id],
  );
  const backupNow = useCallback(() => {
    const snap = current();
    if (snap) backup(snap);
  }, [current, backup]);

  const doSave = useCallback(async (): Promise<boolean> => {
    const snap = current();
    if (!snap || !saved.current || conflicted.current) return !conflicted.current;
    const changes = changesBetween(saved.current, snap);
    if (!changes) {
      setState((s) => (s.kind === "saved" ? s : { kind: "saved", at: new Date() }));
      return true;
    }
    setState({ kind: "saving" });
    let result: Awaited<ReturnType<typeof saveArticleAction>>;
    try {
      result = await saveArticleAction({ id, version: version.current, ...changes });
    } catch {
      result = {
        ok: false,
        error: { code: "INTERNAL", message: "网络连接失败，修改已备份在本机，恢复网络后会自动重试。" },
      };
    }
    if (!result.ok) {
      const { code, retryAfterSeconds } = result.error;
      const transient = retryAfterSeconds !== undefined && (code === "CONFLICT" || code === "UNAVAILABLE");
      if (transient) {
        setState({ kind: "error", error: result.error });
        backup(snap);
        retryLater.current(retryAfterSeconds * 1000);
        return false;
      }
      if (code === "CONFLICT") {
        conflicted.current = true;
        setState({ kind: "conflict", message: result.error.message });
      } else setState({ kind: "error", error: result.error });
      backup(snap);
      return false;
    }
    version.current = result.data.version;
    saved.current = snap;
    const now = current();
    if (now && !sameSnapshot(now, snap)) {
      setState({ kind: "dirty" });
      return true;
    }
    clearBackup(id);
    setState({ kind: "saved", at: new Date() });
    return true;
  }, [id, current, backup]);

  /** Saves now (waiting for a save already running); true when nothing is left unsaved. */
  const saveNow = useCallback(async (): Promise<boolean> => {
    clearTimeout(timers.current.save);
    while (inFlight.current) await inFlight.current;
    const p = doSave().finally(() => (inFlight.current = null));
    inFlight.current = p;
    return p;
  }, [doSave]);

  // doSave is defined before saveNow, so it reaches it through this ref
  useEffect(() => {
    retryLater.current = (ms) => {
      clearTimeout(timers.current.save);
      timers.current.save = setTimeout(() => void saveNow(), ms);
    };
  }, [saveNow]);

  const noteChange = useCallback(() => {
    if (!enabled || conflicted.current) return;
    setState((s) => (s.kind === "dirty" || s.kind === "saving" ? s : { kind: "dirty" }));
    clearTimeout(timers.current.backup);
    timers.current.backup = setTimeout(backupNow, BACKUP_MS);
    clearTimeout(timers.current.save);
    timers.current.save = setTimeout(() => void saveNow(), AUTOSAVE_MS);
  }, [enabled, backupNow, saveNow]);

  /** Marks what the editor shows as the saved state (once the editor is ready). */
  const setBaseline = useCallback((snap: Snapshot) => {
    saved.current = snap;
  }, []);

  useEffect(() => {
    const t = timers.current;
    const warn = (e: BeforeUnloadEvent) => {
      if (state.kind !== "saved") {
        backupNow();
        e.preventDefault();
      }
    };
    window.addEventListener("beforeunload", warn);
    return () => {
      window.removeEventListener("beforeunload", warn);
      clearTimeout(t.backup);
    };
  }, [state.kind, backupNow]);

  useEffect(() => {
    const t = timers.current;
    // leaving the page (or a remount after a status change) must not fire a save from a stale version
    return () => {
      clearTimeout(t.save);
      clearTimeout(t.backup);
    };
  }, []);

  return {
    state,
    saveNow,
    noteChange,
    setBaseline,
    version: () => version.current,
    baseline: () => saved.current,
  };
}
