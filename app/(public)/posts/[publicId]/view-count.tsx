"use client";

import { useEffect, useRef, useState } from "react";

/**
 * Shows the (cached) view count and reports this view. Counting happens in a small POST after
 * the page has loaded, so the page itself stays static and cacheable; the server decides whether
 * the view counts (bots, staff, the 30-minute window) and answers with the current figure.
 */
export function ViewCount({ publicId, initial }: { publicId: string; initial: number }) {
  const [views, setViews] = useState(initial);
  const sent = useRef(false);

  useEffect(() => {
    if (sent.current) return;
    sent.current = true;
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
      <span data-testid="view-count">{views.toLocaleString("zh-CN")}</span>
    </span>
  );
}
