import type { ReactNode } from "react";

type ControlProps = { id: string; name: string; "aria-invalid"?: boolean; "aria-describedby"?: string };
type Props = { label: string; name: string; errors?: string[]; hint?: string; children: (p: ControlProps) => ReactNode };

/** Label + control + hint + inline error, wired with aria-describedby / aria-invalid. */
export function Field({ label, name, errors, hint, children }: Props) {
  const id = `f-${name}`;
  const hasError = Boolean(errors?.length);
  const describedBy = [hint ? `${id}-hint` : "", hasError ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-ink-900">
        {label}
      </label>
      {children({ id, name, "aria-invalid": hasError || undefined, "aria-describedby": describedBy })}
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-ink-600">
          {hint}
        </p>
      )}
      {hasError && (
        <p id={`${id}-error`} className="text-sm text-red-600">
          {errors!.join(" ")}
        </p>
      )}
    </div>
  );
}
