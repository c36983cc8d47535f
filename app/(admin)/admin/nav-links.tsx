"use client";

import { useEffect, useRef, type ReactNode } from "react";

/**
 * Marks the current section's link (aria-current) in the server-rendered nav inside it.
 * Rendered in the layout's static shell on purpose: a client component first referenced
 * inside the streamed, per-user part of a prerendered layout failed to hydrate (React #608,
 * its chunk list pointed at rows of the prerender's stream), so the role-dependent links stay
 * server components and only this wrapper is client code.
 */
export function NavCurrent({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    const mark = () => {
      const path = window.location.pathname;
      for (const a of root.querySelectorAll<HTMLAnchorElement>("a[data-section]")) {
        const href = a.dataset.section!;
        const current = href === "/admin" ? path === "/admin" : path === href || path.startsWith(`${href}/`);
        if (current) a.setAttribute("aria-current", "page");
        else a.removeAttribute("aria-current");
      }
    };
    mark();
    // the links stream in after the shell, and a client navigation swaps <main>: re-mark on both.
    // (usePathname here would block prerendering the shell of dynamic routes like /admin/users/[id])
    const observer = new MutationObserver(mark);
    observer.observe(root.parentElement ?? root, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, []);
  return (
    <div ref={ref} className="md:w-44 md:shrink-0">
      {children}
    </div>
  );
}
