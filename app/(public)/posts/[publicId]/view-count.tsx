"use client";

import { useEffect, useRef, useState } from "react";
import { groupDigits } from "@/lib/format/digits";
import {
  countedByPageRequest,
  type NavigationEntry,
  whenShown,
} from "@/lib/services/views/page-request-view";

/**
 * Shows the view count and, where the page request was not already counted, reports this view in
 * a small POST after load (the server decides whether it counts: bots, staff, the 30-minute
 * window, and answers with the current figure). The page itself stays static and cacheable.
 */
export function ViewCount({ publicId, initial }: { publicId: string; initial: number }) {
  const [views, setViews] = useState(initial);
  const sent = useRef(false);

  useEffect(() => {
    if (sent.current) return;
    sent.current = true;
    // a prerendered page runs its scripts before anyone opens it, perhaps never: no view until then
    whenShown(document, () => {
      const nav = performance.getEntriesByType("navigation")[0] as NavigationEntry | undefined;
      if (countedByPageRequest(nav, publicId)) return;
      fetch(`/api/views/${encodeURIComponent(publicId)}`, {
        method: "POST",
        keepalive: true,
        credentials: "same-origin",
      })
        .then((r) => (r.ok ? (r.json() as Promise<{ views?: number }>) : null))
        .then((d) => {
          if (typeof d?.views === "number") setViews((v) => Math.max(v, d.views!));
        })
        .catch(() => {});
    });
  }, [publicId]);

  return (
    <span className="inline-flex items-center gap-1" title="阅读量">
      <svg
        aria-hidden="true"
        viewBox="0 0 24 24"
        className="h-4 w-4 fill-none stroke-current"
        strokeWidth="2"
      >
        <path d="M2 12s3.6-7 10-7 10 7 10 7-3.6 7-10 7S2 12 2 12Z" />
        <circle cx="12" cy="12" r="3" />
      </svg>
      <span className="sr-only">阅读量</span>
      <span data-testid="view-count">{groupDigits(views)}</span>
    </span>
  );
}
