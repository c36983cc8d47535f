"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { ActionError, ActionResult } from "@/lib/errors";
import type { SavedArticle } from "@/lib/services/articles/update-article";
import { saveArticleAction } from "../actions";
import { clearBackup, writeBackup } from "./draft-backup";
import { changesBetween, sameSnapshot, type Snapshot } from "./draft-fields";

export type SaveState =
  | { kind: "saved"; at: Date | null }
  | { kind: "dirty" }
  | { kind: "saving" }
  /** the browser is offline (or the server unreachable): kept locally, saved when back */
  | { kind: "offline"; retryAt: number }
  /** a failure that may pass (server busy, error): tried again by itself at retryAt */
  | { kind: "retrying"; retryAt: number; error: ActionError }
  /** a failure only the writer can fix (invalid input, no permission, signed out) */
  | { kind: "error"; error: ActionError }
  | { kind: "conflict"; message: string };

type SaveKind = "MANUAL" | "AUTOSAVE";

/** quiet time before an autosave */
const AUTOSAVE_MS = 3_000;
/** continuous typing still saves at least this often */
const MAX_WAIT_MS = 30_000;
const BACKUP_MS = 500;
const RETRY_BASE_MS = 2_000;
const RETRY_MAX_MS = 60_000;
/** browsers refuse keepalive requests with larger bodies; the local copy covers those */
const KEEPALIVE_MAX_BYTES = 60_000;

const NEEDS_THE_WRITER = new Set(["INVALID", "FORBIDDEN", "NOT_FOUND", "UNAUTHENTICATED"]);
const OFFLINE_ERROR: ActionError = {
  code: "INTERNAL",
  message: "网络连接失败，修改已备份在本机，恢复网络后会自动保存。",
};

type SaveCall = { kind: SaveKind; keepalive?: boolean };

async function saveByKeepalive(id: string, input: object): Promise<ActionResult<SavedArticle>> {
  const res = await fetch(`/api/editor/articles/${encodeURIComponent(id)}/autosave`, {
    method: "POST",
    keepalive: true,
    credentials: "same-origin",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(input),
  });
  const json = (await res.json()) as { error?: ActionError } & SavedArticle;
  return res.ok ? { ok: true, data: json } : { ok: false, error: json.error ?? OFFLINE_ERROR };
}

/**
 * Saving with optimistic concurrency, so nothing typed is lost:
 * - every change is copied to localStorage within half a second;
 * - an autosave follows 3 s of quiet, and at least every 30 s of continuous typing;
 * - a failed save is tried again by itself, with growing waits (2 s, 4 s … 60 s, or the server's
 *   Retry-After), and at once when the browser comes back online; the state says which it is;
 * - hiding or leaving the page saves with a keepalive request (and keeps the local copy);
 * - a CONFLICT (someone saved since) stops autosaving and reports it: the conflict dialog
 *   resolves it (keep mine / take theirs), the local copy stays meanwhile.
 * Saves name the version they started from and say whether they are manual or autosaves.
 */
export function useArticleSave(
  id: string,
  initialVersion: number,
  current: () => Snapshot | null,
  enabled: boolean,
  /** told of every successful save (e.g. whether it became a live article's pending edit) */
  onSaved?: (r: SavedArticle) => void,
) {
  const [state, setState] = useState<SaveState>({ kind: "saved", at: null });
  const [attempts, setAttempts] = useState(0);
  const version = useRef(initialVersion);
  const saved = useRef<Snapshot | null>(null);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const timers = useRef<{ save?: ReturnType<typeof setTimeout>; backup?: ReturnType<typeof setTimeout> }>({});
  const dirtySince = useRef<number | null>(null);
  const failures = useRef(0);
  const conflicted = useRef(false);
  const stateRef = useRef(state);
  useEffect(() => {
    stateRef.current = state;
  }, [state]);
  const schedule = useRef<(ms: number) => void>(() => {});
  const onSavedRef = useRef(onSaved);
  useEffect(() => {
    onSavedRef.current = onSaved;
  }, [onSaved]);

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

  const fail = useCallback((error: ActionError, offline: boolean) => {
    failures.current += 1;
    const wait =
      error.retryAfterSeconds !== undefined
        ? error.retryAfterSeconds * 1000
        : Math.min(RETRY_BASE_MS * 2 ** (failures.current - 1), RETRY_MAX_MS);
    // offline: the online event saves at once; the backoff keeps trying in case it never comes
    setState(
      offline
        ? { kind: "offline", retryAt: Date.now() + wait }
        : { kind: "retrying", retryAt: Date.now() + wait, error },
    );
    schedule.current(wait);
  }, []);

  const doSave = useCallback(
    async ({ kind, keepalive }: SaveCall): Promise<boolean> => {
      const snap = current();
      if (!snap || !saved.current || conflicted.current) return !conflicted.current;
      const changes = changesBetween(saved.current, snap);
      if (!changes) {
        dirtySince.current = null;
        setState((s) => (s.kind === "saved" ? s : { kind: "saved", at: new Date() }));
        return true;
      }
      const input = { id, version: version.current, kind, ...changes };
      if (keepalive && new TextEncoder().encode(JSON.stringify(input)).length > KEEPALIVE_MAX_BYTES) {
        backup(snap);
        return false;
      }
      setState({ kind: "saving" });
      setAttempts((n) => n + 1);
      let result: ActionResult<SavedArticle>;
      let unreachable = false;
      try {
        result = keepalive ? await saveByKeepalive(id, input) : await saveArticleAction(input);
      } catch {
        unreachable = true;
        result = { ok: false, error: OFFLINE_ERROR };
      }
      if (!result.ok) {
        backup(snap);
        const { code, retryAfterSeconds } = result.error;
        if (code === "CONFLICT" && retryAfterSeconds === undefined) {
          conflicted.current = true;
          clearTimeout(timers.current.save);
          setState({ kind: "conflict", message: result.error.message });
        } else if (NEEDS_THE_WRITER.has(code)) setState({ kind: "error", error: result.error });
        else fail(result.error, unreachable || (typeof navigator !== "undefined" && !navigator.onLine));
        return false;
      }
      failures.current = 0;
      version.current = result.data.version;
      onSavedRef.current?.(result.data);
      saved.current = snap;
      const now = current();
      if (now && !sameSnapshot(now, snap)) {
        setState({ kind: "dirty" });
        schedule.current(AUTOSAVE_MS);
        return true;
      }
      dirtySince.current = null;
      clearBackup(id);
      setState({ kind: "saved", at: new Date() });
      return true;
    },
    [id, current, backup, fail],
  );

  const run = useCallback(
    async (call: SaveCall): Promise<boolean> => {
      clearTimeout(timers.current.save);
      while (inFlight.current) await inFlight.current;
      const p = doSave(call).finally(() => (inFlight.current = null));
      inFlight.current = p;
      return p;
    },
    [doSave],
  );

  /** Saves now (waiting for a save already running); true when nothing is left unsaved. */
  const saveNow = useCallback((kind: SaveKind = "MANUAL") => run({ kind }), [run]);

  // doSave is defined before run, so it reaches the scheduler through this ref
  useEffect(() => {
    schedule.current = (ms) => {
      clearTimeout(timers.current.save);
      timers.current.save = setTimeout(() => void run({ kind: "AUTOSAVE" }), ms);
    };
  }, [run]);

  const noteChange = useCallback(() => {
    if (!enabled || conflicted.current) return;
    const now = Date.now();
    dirtySince.current ??= now;
    setState((s) =>
      s.kind === "saving" || s.kind === "offline" || s.kind === "retrying" || s.kind === "error"
        ? s
        : { kind: "dirty" },
    );
    clearTimeout(timers.current.backup);
    timers.current.backup = setTimeout(backupNow, BACKUP_MS);
    const s = stateRef.current.kind;
    // while waiting to retry, a keystroke does not hurry the retry (the backoff stands)
    if (s === "retrying" || s === "offline") return;
    const due = Math.min(now + AUTOSAVE_MS, dirtySince.current + MAX_WAIT_MS);
    schedule.current(Math.max(0, due - now));
  }, [enabled, backupNow]);

  /** Marks what the editor shows as the saved state (once the editor is ready). */
  const setBaseline = useCallback((snap: Snapshot) => {
    saved.current = snap;
  }, []);

  // back online: save at once, whatever the backoff said
  useEffect(() => {
    const onOnline = () => {
      const s = stateRef.current.kind;
      if (s === "offline" || s === "retrying" || s === "dirty") void run({ kind: "AUTOSAVE" });
    };
    window.addEventListener("online", onOnline);
    return () => window.removeEventListener("online", onOnline);
  }, [run]);

  // hiding or leaving the page: the local copy now, and a keepalive save that outlives the page
  useEffect(() => {
    const leave = () => {
      if (!enabled || conflicted.current) return;
      const s = stateRef.current.kind;
      if (s === "saved" || s === "saving") return;
      backupNow();
      void run({ kind: "AUTOSAVE", keepalive: true });
    };
    const onVisibility = () => document.visibilityState === "hidden" && leave();
    const warn = (e: BeforeUnloadEvent) => {
      if (stateRef.current.kind !== "saved") {
        backupNow();
        e.preventDefault();
      }
    };
    document.addEventListener("visibilitychange", onVisibility);
    window.addEventListener("pagehide", leave);
    window.addEventListener("beforeunload", warn);
    return () => {
      document.removeEventListener("visibilitychange", onVisibility);
      window.removeEventListener("pagehide", leave);
      window.removeEventListener("beforeunload", warn);
    };
  }, [enabled, backupNow, run]);

  useEffect(() => {
    const t = timers.current;
    // a remount after a status change must not fire a save from a stale version
    return () => {
      clearTimeout(t.save);
      clearTimeout(t.backup);
    };
  }, []);

  return {
    state,
    /** saves attempted since the page opened (the status element carries it for tests and support) */
    attempts,
    saveNow,
    noteChange,
    setBaseline,
    version: () => version.current,
    baseline: () => saved.current,
    /** my unsaved changes against the last version I saved or loaded (for the conflict dialog) */
    pendingChanges: () => {
      const snap = current();
      return snap && saved.current ? changesBetween(saved.current, snap) : null;
    },
  };
}
