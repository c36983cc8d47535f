"use client";

import { Field } from "@/components/ui/field";
import { inputClass } from "@/components/ui/input";

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

/** A controlled input or textarea of the editor side panels: the draft state owns the value. */
export function TextField({
  id,
  label,
  value,
  onChange,
  errors,
  hint,
  max,
  type = "text",
  multiline,
  ...rest
}: Props) {
  return (
    <Field id={id} label={label} hint={hint} errors={errors}>
      {(control) => {
        const common = { ...control, ...rest, value, maxLength: max, className: inputClass() };
        return multiline ? (
          <textarea {...common} rows={multiline} onChange={(e) => onChange(e.target.value)} />
        ) : (
          <input {...common} type={type} onChange={(e) => onChange(e.target.value)} />
        );
      }}
    </Field>
  );
}
