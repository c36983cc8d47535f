"use client";

import { useEffect, useId, useRef, useState } from "react";

type Me = { displayName: string; publicId: string; role: string; avatarUrl: string | null };
type State = { status: "loading" } | { status: "anonymous" } | { status: "signed-in"; user: Me };

const EDITOR_ROLES = new Set(["CONTRIBUTOR", "TRANSLATOR", "EDITOR", "ADMIN"]);

/**
 * The signed-in area. It asks /api/me from the browser so every public page stays static and
 * cacheable for everyone; the server never renders per-user HTML into the shared shell.
 */
export function UserMenu() {
  const [state, setState] = useState<State>({ status: "loading" });
  const [open, setOpen] = useState(false);
  const [csrf, setCsrf] = useState("");
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const ctrl = new AbortController();
    fetch("/api/me", { credentials: "same-origin", cache: "no-store", signal: ctrl.signal })
      .then((r) => (r.ok ? r.json() : { user: null }))
      .then((d: { user?: Me | null }) =>
        setState(d.user ? { status: "signed-in", user: d.user } : { status: "anonymous" }),
      )
      .catch(() => {
        if (!ctrl.signal.aborted) setState({ status: "anonymous" });
      });
    return () => ctrl.abort();
  }, []);

  // Auth.js's sign-out endpoint wants its CSRF token; fetched only once someone opens the menu.
  useEffect(() => {
    if (!open || csrf) return;
    fetch("/api/auth/csrf", { credentials: "same-origin", cache: "no-store" })
      .then((r) => r.json())
      .then((d: { csrfToken?: string }) => setCsrf(d.csrfToken ?? ""))
      .catch(() => {});
  }, [open, csrf]);

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointer);
    return () => document.removeEventListener("pointerdown", onPointer);
  }, [open]);

  if (state.status === "loading") {
    return <span aria-hidden="true" className="inline-block h-8 w-24 animate-pulse rounded bg-slate-100" />;
  }
  if (state.status === "anonymous") {
    return (
      <span className="flex items-center gap-2 text-sm">
        <a href="/login" className="rounded px-2 py-1 text-ink-900 hover:text-brand-600">
          登录
        </a>
        <span aria-hidden="true" className="text-slate-300">
          |
        </span>
        <a href="/register" className="rounded px-2 py-1 text-ink-900 hover:text-brand-600">
          注册
        </a>
      </span>
    );
  }

  const { user } = state;
  const itemClass =
    "block w-full rounded px-3 py-2 text-left text-sm text-ink-900 hover:bg-brand-50 focus:bg-brand-50";
  return (
    <div
      ref={root}
      className="relative"
      onKeyDown={(e) => {
        if (e.key === "Escape" && open) {
          setOpen(false);
          button.current?.focus();
        }
      }}
      onBlur={(e) => {
        if (!root.current?.contains(e.relatedTarget as Node)) setOpen(false);
      }}
    >
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((v) => !v)}
        className="flex items-center gap-2 rounded px-2 py-1 text-sm text-ink-900 hover:bg-brand-50"
      >
        {user.avatarUrl ? (
          // eslint-disable-next-line @next/next/no-img-element -- small avatar from our own media route
          <img
            src={user.avatarUrl}
            alt=""
            width={28}
            height={28}
            className="h-7 w-7 rounded-full object-cover"
          />
        ) : (
          <span
            aria-hidden="true"
            className="flex h-7 w-7 items-center justify-center rounded-full bg-brand-600 text-xs font-semibold text-white"
          >
            {[...user.displayName][0]}
          </span>
        )}
        <span className="max-w-32 truncate">{user.displayName}</span>
        <span className="sr-only">的账户菜单</span>
      </button>
      <ul
        id={id}
        hidden={!open}
        className="z-30 mt-1 w-44 rounded-md border border-slate-200 bg-white p-1 shadow-lg md:absolute md:right-0 md:top-full"
      >
        <li>
          <a href={`/member/${user.publicId}`} className={itemClass} onClick={() => setOpen(false)}>
            我的主页
          </a>
        </li>
        <li>
          <a href="/me/profile" className={itemClass} onClick={() => setOpen(false)}>
            个人资料
          </a>
        </li>
        <li>
          <a href="/me/bookmarks" className={itemClass} onClick={() => setOpen(false)}>
            我的收藏
          </a>
        </li>
        <li>
          <a href="/me/contributions" className={itemClass} onClick={() => setOpen(false)}>
            我的投稿
          </a>
        </li>
        <li>
          <a href="/me/comments" className={itemClass} onClick={() => setOpen(false)}>
            我的评论
          </a>
        </li>
        <li>
          <a href="/me/security" className={itemClass} onClick={() => setOpen(false)}>
            账号安全
          </a>
        </li>
        {EDITOR_ROLES.has(user.role) && (
          <li>
            <a href="/editor" className={itemClass} onClick={() => setOpen(false)}>
              编辑后台
            </a>
          </li>
        )}
        {user.role === "ADMIN" && (
          <li>
            <a href="/admin" className={itemClass} onClick={() => setOpen(false)}>
              管理后台
            </a>
          </li>
        )}
        <li className="mt-1 border-t border-slate-100 pt-1">
          <form method="post" action="/api/auth/signout">
            <input type="hidden" name="csrfToken" value={csrf} />
            <input type="hidden" name="callbackUrl" value="/" />
            <button type="submit" className={itemClass} disabled={!csrf}>
              退出登录
            </button>
          </form>
        </li>
      </ul>
    </div>
  );
}
