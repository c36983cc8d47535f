"use client";

import { usePathname, useRouter } from "next/navigation";
import { useEffect, useState } from "react";

type State = "loading" | "signed-out" | "on" | "off";

/**
 * 收藏. The page is the same cached HTML for everyone, so whether this reader has bookmarked
 * the article is asked for after load. Signed-out readers are sent to log in and come back.
 */
export function BookmarkButton({ publicId }: { publicId: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const [state, setState] = useState<State>("loading");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState("");
  const url = `/api/bookmarks/${encodeURIComponent(publicId)}`;

  useEffect(() => {
    let live = true;
    fetch(url, { credentials: "same-origin", cache: "no-store" })
      .then((r) => (r.ok ? (r.json() as Promise<{ signedIn: boolean; bookmarked: boolean }>) : null))
      .then((d) => live && setState(!d?.signedIn ? "signed-out" : d.bookmarked ? "on" : "off"))
      .catch(() => live && setState("signed-out"));
    return () => {
      live = false;
    };
  }, [url]);

  async function toggle() {
    if (state === "signed-out") {
      router.push(`/login?next=${encodeURIComponent(pathname)}`);
      return;
    }
    if (state === "loading" || busy) return;
    const next = state === "on" ? "off" : "on";
    setBusy(true);
    setError("");
    setState(next);
    try {
      const r = await fetch(url, { method: next === "on" ? "POST" : "DELETE", credentials: "same-origin" });
      if (r.status === 401) {
        setState("signed-out");
        return;
      }
      const d = (await r.json()) as { bookmarked?: boolean; error?: { message?: string } };
      if (!r.ok) throw new Error(d.error?.message ?? "收藏失败，请稍后重试。");
      setState(d.bookmarked ? "on" : "off");
    } catch (e) {
      setState(next === "on" ? "off" : "on");
      setError(e instanceof Error ? e.message : "收藏失败，请稍后重试。");
    } finally {
      setBusy(false);
    }
  }

  const isOn = state === "on";
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        onClick={toggle}
        aria-pressed={state === "on" || state === "off" ? isOn : undefined}
        disabled={busy}
        data-testid="bookmark-button"
        data-state={state}
        className={`inline-flex items-center gap-1 rounded border px-3 py-1 text-sm transition-colors disabled:opacity-60 ${
          isOn
            ? "border-amber-500 bg-amber-50 text-amber-800"
            : "border-slate-300 text-ink-600 hover:border-brand-500 hover:text-brand-600"
        }`}
      >
        <svg
          aria-hidden="true"
          viewBox="0 0 24 24"
          className={`h-4 w-4 stroke-current ${isOn ? "fill-current" : "fill-none"}`}
          strokeWidth="2"
        >
          <path d="m12 3 2.8 5.7 6.2.9-4.5 4.4 1.1 6.2L12 17.3 6.4 20.2l1.1-6.2L3 9.6l6.2-.9L12 3Z" />
        </svg>
        {isOn ? "已收藏" : "收藏"}
      </button>
      <span role="status" className="text-xs text-red-700">
        {error}
      </span>
    </span>
  );
}
