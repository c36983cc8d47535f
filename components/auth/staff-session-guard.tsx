import { SessionActivity } from "./session-activity";

/**
 * For the staff layouts: activity in the workspace keeps the session's idle clock current
 * (session-activity.tsx). Static (no request data), so the layouts' shells still prerender.
 * Editors and admins who must set up 2FA are sent there by requireUserOrRedirect (workspace
 * pages) and act as readers everywhere else (lib/auth/session.ts).
 */
export function StaffSessionGuard() {
  return <SessionActivity />;
}
