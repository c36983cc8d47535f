import type { ReactNode } from "react";
import { SessionActivity } from "./session-activity";

/**
 * The outer frame of the staff layouts (编辑工作台, 管理后台): activity in the workspace keeps the
 * staff session's 30-minute idle clock current (session-activity.tsx), and a skip link leads to
 * `#main`. Static (no request data), so the layouts' shells still prerender. Editors and admins
 * who must set up 2FA are sent there by requireUserOrRedirect (workspace pages) and act as
 * readers everywhere else (lib/auth/session.ts).
 */
export function StaffFrame({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col bg-slate-100">
      <SessionActivity />
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        跳到主要内容
      </a>
      {children}
    </div>
  );
}
