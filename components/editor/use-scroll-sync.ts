"use client";

import { useEffect, type RefObject } from "react";

/**
 * Paragraph-level scroll sync from the editor to the source pane: the n-th top-level block at
 * the top of the editor brings the n-th source paragraph to the top of the pane. Cheap (one
 * pass over top-level blocks per animation frame) and good enough when the translation keeps
 * the original's paragraphing, which is the house rule.
 */
export function useScrollSync(
  editorBox: RefObject<HTMLDivElement | null>,
  sourceBox: RefObject<HTMLDivElement | null>,
  enabled: boolean,
) {
  useEffect(() => {
    const from = editorBox.current;
    const to = sourceBox.current;
    if (!enabled || !from || !to) return;
    let frame = 0;
    const sync = () => {
      frame = 0;
      const blocks = from.querySelector(".ProseMirror")?.children;
      if (!blocks?.length) return;
      const top = from.getBoundingClientRect().top;
      let index = 0;
      for (let i = 0; i < blocks.length; i++) {
        if (blocks[i]!.getBoundingClientRect().bottom > top + 8) {
          index = i;
          break;
        }
      }
      const target =
        to.querySelector<HTMLElement>(`[data-para="${index}"]`) ??
        to.querySelector<HTMLElement>("[data-para]:last-of-type");
      // the pane is position:relative, so offsetTop is measured from its top
      if (target) to.scrollTo({ top: target.offsetTop - 8, behavior: "auto" });
    };
    const onScroll = () => {
      if (!frame) frame = requestAnimationFrame(sync);
    };
    from.addEventListener("scroll", onScroll, { passive: true });
    return () => {
      from.removeEventListener("scroll", onScroll);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [editorBox, sourceBox, enabled]);
}
