"use client";

import { useEffect } from "react";

const LEAVE_MESSAGE = "页面有未保存的修改，离开后这些修改会丢失。确定离开吗？";

/**
 * While `dirty`: the browser asks before a reload or closing the tab (beforeunload), and a click on
 * a link of this app asks first too. Next.js' <Link> navigates on the client, where beforeunload
 * never fires, so the click is caught in the capture phase before React's handler sees it.
 */
export function useUnsavedWarning(dirty: boolean) {
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = ""; // older Chromium needs it set
    };
    const onClick = (e: MouseEvent) => {
      if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return; // a new tab
      const a = e.target instanceof Element ? e.target.closest("a[href]") : null;
      if (!a || a.getAttribute("target") === "_blank" || a.hasAttribute("download")) return;
      if (window.confirm(LEAVE_MESSAGE)) return;
      e.preventDefault();
      e.stopPropagation();
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    document.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      document.removeEventListener("click", onClick, true);
    };
  }, [dirty]);
}
