/** One labelled code input with its inline error (works in server and client components). */
export function CodeField({ name, label, hint, error, type = "text" }: { name: string; label: string; hint?: string; error?: string | null; type?: "text" | "password" }) {
  const id = `field-${name}`;
  const describedBy = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-ink-900">
        {label}
      </label>
      <input
        id={id}
        name={name}
        type={type}
        autoComplete={type === "password" ? "current-password" : "one-time-code"}
        inputMode={type === "password" ? undefined : "text"}
        spellCheck={false}
        autoCapitalize="none"
        maxLength={type === "password" ? 128 : 32}
        aria-invalid={Boolean(error) || undefined}
        aria-describedby={describedBy}
        className={`block w-full max-w-xs rounded-md border bg-white px-3 py-2.5 text-[15px] text-ink-900 focus:border-brand-600 ${error ? "border-red-500" : "border-slate-300"}`}
      />
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-ink-400">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-sm text-red-600">
          {error}
        </p>
      ) : null}
    </div>
  );
}
