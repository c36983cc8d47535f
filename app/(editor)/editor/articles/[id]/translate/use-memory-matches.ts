"use client";

import { useEffect, useRef, useState } from "react";
import type { MemoryMatch } from "@/lib/services/translation/memory/lookup-memory";
import { lookupMemoryAction } from "./actions";

export type MemoryState =
  | { kind: "idle" }
  | { kind: "loading" }
  | { kind: "ready"; matches: MemoryMatch[] }
  | { kind: "error"; message: string };

const LOOKUP_DELAY_MS = 150;

/**
 * 翻译记忆 for the focused segment's source, looked up shortly after focus settles (moving
 * through segments with the keyboard does not fire a lookup per row) and kept per source text.
 */
export function useMemoryMatches(source: string | null): MemoryState {
  const cache = useRef(new Map<string, MemoryMatch[]>());
  const [state, setState] = useState<{ source: string | null; memory: MemoryState }>({
    source: null,
    memory: { kind: "idle" },
  });

  useEffect(() => {
    if (!source?.trim()) return;
    let live = true;
    const timer = setTimeout(async () => {
      const cached = cache.current.get(source);
      if (cached) return setState({ source, memory: { kind: "ready", matches: cached } });
      setState({ source, memory: { kind: "loading" } });
      const r = await lookupMemoryAction({ text: source, limit: 5 }).catch(() => null);
      if (!live) return;
      if (r?.ok) {
        cache.current.set(source, r.data);
        setState({ source, memory: { kind: "ready", matches: r.data } });
      } else
        setState({
          source,
          memory: { kind: "error", message: r?.error.message ?? "翻译记忆暂时无法查询。" },
        });
    }, LOOKUP_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [source]);

  // a result for another segment is never shown for this one
  return state.source === source ? state.memory : { kind: source?.trim() ? "loading" : "idle" };
}
