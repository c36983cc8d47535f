"use client";

import { inputClass } from "@/components/editor/modal-dialog";

type Props = {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  disabled?: boolean;
  errors?: string[];
  hint?: string;
  max?: number;
  type?: "text" | "url" | "date";
  multiline?: number;
  lang?: string;
  placeholder?: string;
};

/** A labelled, controlled input or textarea with hint and error, for the editor side panels. */
export function TextField({ id, label, value, onChange, disabled, errors, hint, max, type = "text", multiline, lang, placeholder }: Props) {
  const hasError = Boolean(errors?.length);
  const describedBy = [hint ? `${id}-hint` : "", hasError ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  const common = {
    id,
    value,
    disabled,
    lang,
    placeholder,
    maxLength: max,
    "aria-invalid": hasError || undefined,
    "aria-describedby": describedBy,
    className: inputClass,
  };
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {multiline ? (
        <textarea {...common} rows={multiline} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...common} type={type} onChange={(e) => onChange(e.target.value)} />
      )}
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
