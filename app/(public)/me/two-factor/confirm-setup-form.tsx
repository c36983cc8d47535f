"use client";

import { largePrimaryButton } from "@/components/ui/button";
import { useRouter } from "next/navigation";
import { useActionState } from "react";
import type { ActionResult } from "@/lib/errors";
import { confirmTwoFactorAction } from "./actions";
import { CodeField } from "./code-field";
import { RecoveryCodes } from "./recovery-codes";
import { useShowRecoveryCodes } from "./recovery-codes-slot";

export function ConfirmSetupForm() {
  const showCodes = useShowRecoveryCodes();
  // the codes go to the slot above the panel as soon as they arrive: this form unmounts when the
  // page re-renders as "已开启" (recovery-codes-slot.tsx)
  const [state, action, pending] = useActionState(
    async (prev: ActionResult<string[]> | null, form: FormData) => {
      const result = await confirmTwoFactorAction(prev, form);
      if (result.ok) showCodes?.({ codes: result.data });
      return result;
    },
    null,
  );
  const router = useRouter();
  if (state?.ok) return <RecoveryCodes codes={state.data} onDone={() => router.refresh()} />;
  const error = state && !state.ok ? state.error : null;
  return (
    <form action={action} className="mt-3 space-y-3" noValidate>
      <CodeField name="code" label="6 位动态口令" error={error?.fieldErrors?.code?.[0] ?? error?.message} />
      <button
        type="submit"
        disabled={pending}
        aria-busy={pending || undefined}
        className={largePrimaryButton}
      >
        {pending ? "验证中…" : "验证并开启"}
      </button>
    </form>
  );
}
