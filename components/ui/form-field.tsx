import type { InputHTMLAttributes, ReactNode } from "react";
import { Field } from "./field";
import { inputClass } from "./input";
import { PasswordInput } from "./password-input";

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name" | "size" | "className"> & {
  name: string;
  label: ReactNode;
  /** defaults to `field-${name}`; set it where one page shows the same name twice */
  id?: string;
  note?: string;
  hint?: string;
  errors?: string[];
  /** "lg" for the account forms, "sm" for the staff screens */
  size?: "sm" | "md" | "lg";
  className?: string;
};

/**
 * A labelled uncontrolled <input>: text, email, date, search, or a password with a 显示 button.
 * Selects, textareas and anything unusual use Field with their own control.
 */
export function FormField({
  name,
  label,
  note,
  id = `field-${name}`,
  hint,
  errors,
  size = "lg",
  className,
  ...input
}: Props) {
  return (
    <Field id={id} name={name} label={label} note={note} hint={hint} errors={errors} className={className}>
      {(control) => {
        const props = {
          spellCheck: false,
          autoCapitalize: "none",
          ...input,
          ...control,
          "aria-required": input.required || undefined,
          className: inputClass({ size }),
        };
        return input.type === "password" ? <PasswordInput {...props} /> : <input {...props} />;
      }}
    </Field>
  );
}
