"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/errors";
import { beginTwoFactorSetupAction } from "./actions";

/** Starts setup (a fresh secret). A POST, never a page load: reading the page changes nothing. */
export function StartSetupButton({
  label,
  variant = "primary",
}: {
  label: string;
  variant?: "primary" | "link";
}) {
  const [state, action, pending] = useActionState(
    beginTwoFactorSetupAction,
    null as ActionResult<void> | null,
  );
  const style =
    variant === "primary"
      ? "mt-4 rounded-md bg-brand-600 px-4 py-2.5 text-[15px] font-medium text-white hover:bg-brand-700 disabled:opacity-80"
      : "mt-4 text-sm text-brand-700 underline disabled:opacity-60";
  return (
    <form action={action}>
      <button type="submit" disabled={pending} aria-busy={pending || undefined} className={style}>
        {pending ? "请稍候…" : label}
      </button>
      {state && !state.ok ? (
        <p role="alert" className="mt-2 text-sm text-red-600">
          {state.error.message}
        </p>
      ) : null}
    </form>
  );
}
