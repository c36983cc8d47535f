"use client";

import { useEffect, useRef } from "react";

const THROTTLE_MS = 60_000;

/**
 * Keeps a staff session's idle clock honest. Our server code reads the session with auth(),
 * which runs the jwt callback but cannot re-issue the cookie from a page render, so the stored
 * lastSeenAt would stay at sign-in time and a busy editor would be signed out after 30 minutes.
 * Auth.js re-issues the token at /api/auth/session; this asks it on real input (keys, pointer:
 * clicking a link counts), at most once a minute. Not on load and never on a timer: opening or
 * leaving a tab open is not activity, so an idle tab's session ends on schedule.
 */
export function SessionActivity() {
  const lastTouch = useRef(0);

  useEffect(() => {
    const touch = () => {
      const now = Date.now();
      if (now - lastTouch.current < THROTTLE_MS) return;
      lastTouch.current = now;
      fetch("/api/auth/session", { credentials: "same-origin", cache: "no-store" }).catch(() => {});
    };
    const events = ["keydown", "pointerdown"] as const;
    for (const e of events) window.addEventListener(e, touch, { passive: true });
    return () => {
      for (const e of events) window.removeEventListener(e, touch);
    };
  }, []);

  return null;
}
