import { Field } from "@/components/ui/field";
import { inputClass } from "@/components/ui/input";

type Props = {
  name: string;
  label: string;
  hint?: string;
  error?: string | null;
  type?: "text" | "password";
};

/** One labelled code input with its inline error (works in server and client components). */
export function CodeField({ name, label, hint, error, type = "text" }: Props) {
  const isPassword = type === "password";
  return (
    <Field
      id={`field-${name}`}
      name={name}
      label={label}
      hint={hint}
      errors={error ? [error] : undefined}
      errorRole="alert"
    >
      {(p) => (
        <input
          {...p}
          type={type}
          autoComplete={isPassword ? "current-password" : "one-time-code"}
          inputMode={isPassword ? undefined : "text"}
          spellCheck={false}
          autoCapitalize="none"
          maxLength={isPassword ? 128 : 32}
          className={`${inputClass({ size: "lg" })} max-w-xs`}
        />
      )}
    </Field>
  );
}
