"use client";

import { Field } from "@/components/ui/field";
import { inputClass } from "@/components/ui/input";
import type { DraftFields } from "./draft-fields";
import type { PanelProps } from "./side-panels";

/** The draft's text fields (not the category id or the tag list). */
type TextKey = { [K in keyof DraftFields]: DraftFields[K] extends string ? K : never }[keyof DraftFields];

type Props = {
  /** the draft the field reads and writes, with the workspace's disabled state and errors */
  draft: PanelProps;
  /** also names the control: its id is `ed-${name}` */
  name: TextKey;
  label: string;
  hint?: string;
  max?: number;
  type?: "text" | "url" | "date";
  multiline?: number;
  lang?: string;
  placeholder?: string;
};

/** A controlled input or textarea bound to one field of the draft: the draft state owns the value. */
export function TextField({ draft, name, label, hint, max, type = "text", multiline, ...rest }: Props) {
  return (
    <Field id={`ed-${name}`} label={label} hint={hint} errors={draft.errors[name]}>
      {(control) => {
        const common = {
          ...control,
          ...rest,
          value: draft.fields[name],
          disabled: draft.disabled,
          maxLength: max,
          className: inputClass(),
        };
        const onChange = (e: { target: { value: string } }) => draft.update({ [name]: e.target.value });
        return multiline ? (
          <textarea {...common} rows={multiline} onChange={onChange} />
        ) : (
          <input {...common} type={type} onChange={onChange} />
        );
      }}
    </Field>
  );
}
