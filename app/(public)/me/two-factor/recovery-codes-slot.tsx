"use client";

import { createContext, type ReactNode, useContext, useState } from "react";
import { RecoveryCodes } from "./recovery-codes";

type Shown = { codes: string[]; title?: string };
const ShowCodes = createContext<((shown: Shown) => void) | null>(null);

/**
 * Holds freshly minted recovery codes (2FA turned on, or codes regenerated) above the status
 * panel, and unmounts the panel while they are shown. Both actions end every session of the user
 * and renew this browser's cookie (lib/auth/renew-session.ts); a cookie set by an action makes
 * Next.js re-render the page in that same request, where the session is still read from the old
 * cookie, so the re-rendered panel holds a redirect to the login page. Mounting it would lose the
 * codes before anyone copied them; "完成" loads the page afresh, with the renewed cookie.
 */
export function RecoveryCodesSlot({ children }: { children: ReactNode }) {
  const [shown, setShown] = useState<Shown | null>(null);
  if (shown) {
    return (
      <section className="rounded-lg bg-white p-5 sm:p-6">
        <RecoveryCodes codes={shown.codes} title={shown.title} onDone={() => window.location.reload()} />
      </section>
    );
  }
  return <ShowCodes.Provider value={setShown}>{children}</ShowCodes.Provider>;
}

export const useShowRecoveryCodes = () => useContext(ShowCodes);
