"use client";

import { secondaryButton } from "@/components/ui/button";
import { useRouter } from "next/navigation";
import { useActionState } from "react";
import type { ActionResult } from "@/lib/errors";
import { regenerateRecoveryCodesAction } from "./actions";
import { CodeField } from "./code-field";
import { RecoveryCodes } from "./recovery-codes";
import { useShowRecoveryCodes } from "./recovery-codes-slot";

const REGENERATED = "新的恢复码已生成，旧的恢复码已全部作废。";

/** New recovery codes for when the old ones run low or may have been seen. */
export function RegenerateCodesForm() {
  const showCodes = useShowRecoveryCodes();
  // shown by the slot above the panel, which re-renders signed out until reloaded (recovery-codes-slot.tsx)
  const [state, action, pending] = useActionState(
    async (prev: ActionResult<string[]> | null, form: FormData) => {
      const result = await regenerateRecoveryCodesAction(prev, form);
      if (result.ok) showCodes?.({ codes: result.data, title: REGENERATED });
      return result;
    },
    null,
  );
  const router = useRouter();
  if (state?.ok)
    return <RecoveryCodes codes={state.data} title={REGENERATED} onDone={() => router.refresh()} />;
  const error = state && !state.ok ? state.error : null;
  return (
    <details className="mt-5 border-t border-slate-100 pt-4">
      <summary className="cursor-pointer text-sm text-brand-700">重新生成恢复码</summary>
      <form action={action} className="mt-3 space-y-3" noValidate>
        <CodeField
          name="code"
          label="当前动态口令"
          hint="生成后，旧的恢复码全部作废。"
          error={error?.fieldErrors?.code?.[0] ?? error?.message}
        />
        <button type="submit" disabled={pending} aria-busy={pending || undefined} className={secondaryButton}>
          {pending ? "生成中…" : "生成新的恢复码"}
        </button>
      </form>
    </details>
  );
}
