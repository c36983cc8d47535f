"use client";

import { useState } from "react";

type Props = {
  name: string;
  label: string;
  type?: "text" | "email" | "password";
  autoComplete?: string;
  defaultValue?: string;
  hint?: string;
  errors?: string[];
  required?: boolean;
  autoFocus?: boolean;
};

/** Label, input, hint and inline error, wired with aria-describedby / aria-invalid. */
export function FormField({ name, label, type = "text", autoComplete, defaultValue, hint, errors, required, autoFocus }: Props) {
  const [revealed, setRevealed] = useState(false);
  const id = `field-${name}`;
  const hasError = Boolean(errors?.length);
  const describedBy = [hint ? `${id}-hint` : "", hasError ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  const isPassword = type === "password";

  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-ink-900">
        {label}
      </label>
      <div className="relative">
        <input
          id={id}
          name={name}
          type={isPassword && revealed ? "text" : type}
          autoComplete={autoComplete}
          defaultValue={defaultValue}
          required={required}
          aria-required={required || undefined}
          aria-invalid={hasError || undefined}
          aria-describedby={describedBy}
          autoFocus={autoFocus}
          spellCheck={false}
          autoCapitalize="none"
          className={`block w-full rounded-md border bg-white px-3 py-2.5 text-[15px] text-ink-900 placeholder:text-ink-400 focus:border-brand-600 ${
            hasError ? "border-red-500" : "border-slate-300"
          } ${isPassword ? "pr-16" : ""}`}
        />
        {isPassword ? (
          <button
            type="button"
            onClick={() => setRevealed((r) => !r)}
            aria-pressed={revealed}
            aria-controls={id}
            className="absolute inset-y-0 right-0 rounded-r-md px-3 text-sm text-brand-600 hover:text-brand-700"
          >
            {revealed ? "隐藏" : "显示"}
            <span className="sr-only">密码</span>
          </button>
        ) : null}
      </div>
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-ink-400">
          {hint}
        </p>
      ) : null}
      {hasError ? (
        <p id={`${id}-error`} className="text-sm text-red-600">
          {errors!.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
