"use client";

import { useRouter } from "next/navigation";
import { createContext, type ReactNode, useContext, useState } from "react";
import { RecoveryCodes } from "./recovery-codes";

const ShowCodes = createContext<((codes: string[]) => void) | null>(null);

/**
 * Holds the recovery codes minted by turning 2FA on, above the status panel. The confirm action
 * renews the session cookie (the change ends every other session), and a cookie set by an action
 * makes Next.js re-render the page: the panel switches to "已开启" and would unmount the form that
 * received the codes before anyone could copy them. Here they stay until "完成".
 */
export function RecoveryCodesSlot({ children }: { children: ReactNode }) {
  const [codes, setCodes] = useState<string[] | null>(null);
  const router = useRouter();
  if (codes) {
    const done = () => {
      setCodes(null);
      router.refresh();
    };
    return (
      <section className="rounded-lg bg-white p-5 sm:p-6">
        <RecoveryCodes codes={codes} onDone={done} />
      </section>
    );
  }
  return <ShowCodes.Provider value={setCodes}>{children}</ShowCodes.Provider>;
}

export const useShowRecoveryCodes = () => useContext(ShowCodes);
