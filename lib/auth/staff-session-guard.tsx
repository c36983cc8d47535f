import "server-only";
import { connection } from "next/server";
import { Suspense } from "react";
import { redirectIfTotpEnrolmentDue } from "./session";
import { SessionActivity } from "./session-activity";

async function Gate() {
  await connection(); // per-user: request time only
  await redirectIfTotpEnrolmentDue();
  return null;
}

/**
 * For the staff layouts: an editor or admin who must set up 2FA lands on the setup page instead
 * of a "no access" page (not the safety net: their actor already acts as a reader everywhere),
 * and activity in the workspace keeps the session's idle clock current (session-activity.tsx).
 */
export function StaffSessionGuard() {
  // both read request data (the path, the session): they stream in after the static shell
  return (
    <Suspense fallback={null}>
      <SessionActivity />
      <Gate />
    </Suspense>
  );
}
