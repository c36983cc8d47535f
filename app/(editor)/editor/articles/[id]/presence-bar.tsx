"use client";

import { useEffect, useState } from "react";
import type { PresentUser } from "@/lib/services/presence/heartbeat";
import { presenceAction } from "./saving-actions";

const HEARTBEAT_MS = 10_000;

/**
 * 也在编辑此文章: a heartbeat every 10 s while this page is open and visible (the server forgets
 * anyone silent for 30 s), and the names of the others it answers with.
 */
export function PresenceBar({ articleId }: { articleId: string }) {
  const [others, setOthers] = useState<PresentUser[]>([]);

  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const beat = async () => {
      clearTimeout(timer);
      if (document.visibilityState !== "visible") return;
      try {
        const r = await presenceAction({ articleId, here: true });
        if (live && r.ok) setOthers(r.data);
      } catch {
        // offline: try again at the next beat
      }
      if (live) timer = setTimeout(() => void beat(), HEARTBEAT_MS);
    };
    const onVisibility = () => {
      if (document.visibilityState === "visible") void beat();
      else clearTimeout(timer);
    };
    void beat();
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      live = false;
      clearTimeout(timer);
      document.removeEventListener("visibilitychange", onVisibility);
    };
  }, [articleId]);

  if (others.length === 0) return null;
  const names = others.map((o) => o.displayName);
  const shown = names.length > 3 ? `${names.slice(0, 3).join("、")} 等 ${names.length} 人` : names.join("、");
  return (
    <p
      role="status"
      data-testid="presence-bar"
      className="rounded-lg border border-sky-300 bg-sky-50 px-3 py-2 text-sm text-sky-950"
    >
      <span aria-hidden="true">👥 </span>
      {shown} 也在编辑此文章。同时修改时，后保存的一方会看到冲突提示，两份内容都不会丢失。
    </p>
  );
}
