"use client";

import { useEffect, useState } from "react";

const RESET_MS = 2_000;

/**
 * The 复制 buttons of IOC blocks in a stored article body (lib/ioc/render-html.ts): one click
 * listener on the document (the body is static HTML, its buttons carry no handlers: the CSP
 * allows no inline ones) writes a button's data-ioc-copy, the real value, to the clipboard.
 * The button says 已复制 for a moment; a status region tells screen readers the same.
 */
export function IocCopy() {
  const [message, setMessage] = useState("");
  useEffect(() => {
    const timers = new Set<ReturnType<typeof setTimeout>>();
    const onClick = (e: MouseEvent) => {
      const button = e.target instanceof Element ? e.target.closest("button[data-ioc-copy]") : null;
      if (!(button instanceof HTMLButtonElement) || !button.closest(".article-body")) return;
      const value = button.dataset.iocCopy ?? "";
      const show = (text: string) => {
        button.textContent = text;
        setMessage(text === "已复制" ? `已复制：${value}` : text);
        const t = setTimeout(() => {
          button.textContent = "复制";
          timers.delete(t);
        }, RESET_MS);
        timers.add(t);
      };
      if (!navigator.clipboard) return show("复制失败");
      navigator.clipboard.writeText(value).then(
        () => show("已复制"),
        () => show("复制失败"),
      );
    };
    document.addEventListener("click", onClick);
    return () => {
      document.removeEventListener("click", onClick);
      for (const t of timers) clearTimeout(t);
    };
  }, []);
  return (
    <span role="status" aria-live="polite" className="sr-only">
      {message}
    </span>
  );
}
