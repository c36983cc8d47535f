import type { ReactNode } from "react";

/** What the control inside a Field must spread: its id and the aria wiring to hint and error. */
type ControlProps = {
  id: string;
  name?: string;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
};

type Props = {
  id: string;
  /** passed through to the control, for forms that post it */
  name?: string;
  label: ReactNode;
  /** the quieter part of the label: limits and what the field is for (（2–32 字）) */
  note?: ReactNode;
  hint?: ReactNode;
  errors?: string[];
  /** ids of other text that describes the control (a live character count) */
  describedBy?: string;
  /** "alert" where the error appears without a page change and should be read out at once */
  errorRole?: "alert";
  /** layout from the form around it (a grid column span) */
  className?: string;
  children: (control: ControlProps) => ReactNode;
};

/**
 * Label, control, hint and inline error, wired with htmlFor, aria-describedby and aria-invalid.
 * The one field layout of every form; the control itself is the caller's (input, select,
 * textarea, a password box with a 显示 button), so it renders in server and client components.
 */
export function Field({
  id,
  name,
  label,
  note,
  hint,
  errors,
  describedBy,
  errorRole,
  className,
  children,
}: Props) {
  const hasError = Boolean(errors?.length);
  const described = [describedBy, hint ? `${id}-hint` : "", hasError ? `${id}-error` : ""].filter(Boolean);
  return (
    <div className={`space-y-1.5 ${className ?? ""}`}>
      <label htmlFor={id} className="block text-sm font-medium text-ink-900">
        {label}
        {note ? <span className="text-sm font-normal text-ink-600"> {note}</span> : null}
      </label>
      {children({
        id,
        name,
        "aria-invalid": hasError || undefined,
        "aria-describedby": described.join(" ") || undefined,
      })}
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-ink-600">
          {hint}
        </p>
      ) : null}
      {hasError ? (
        <p id={`${id}-error`} role={errorRole} className="text-sm text-red-600">
          {errors!.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
