"use client";

import { useId, useState } from "react";
import { Field } from "@/components/ui/field";
import { inputClass } from "@/components/ui/input";

type Props = {
  value: string[];
  onChange: (tags: string[]) => void;
  suggestions: string[];
  disabled?: boolean;
  errors?: string[];
  max?: number;
};

/** 标签: type and press Enter (or a comma) to add; each chip has its own remove button. */
export function TagsInput({ value, onChange, suggestions, disabled, errors, max = 10 }: Props) {
  const id = useId();
  const [text, setText] = useState("");
  const [hint, setHint] = useState("");

  function add(raw: string) {
    const name = raw.trim().slice(0, 32);
    if (!name) return;
    if (value.some((t) => t.toLowerCase() === name.toLowerCase())) return setHint(`已经有“${name}”了。`);
    if (value.length >= max) return setHint(`最多 ${max} 个标签。`);
    // use the existing spelling when the tag already exists
    const known = suggestions.find((s) => s.toLowerCase() === name.toLowerCase());
    onChange([...value, known ?? name]);
    setText("");
    setHint("");
  }

  return (
    <Field
      id={id}
      label="标签"
      errors={errors}
      hint={
        <span aria-live="polite">{hint || `最多 ${max} 个，每个不超过 32 字；译者只能选用已有标签。`}</span>
      }
    >
      {(control) => (
        <>
          {value.length > 0 && (
            <ul className="flex flex-wrap gap-1.5" aria-label="已添加的标签">
              {value.map((t) => (
                <li
                  key={t}
                  className="flex items-center gap-1 rounded bg-brand-50 py-0.5 pl-2 pr-1 text-sm text-brand-700"
                >
                  {t}
                  <button
                    type="button"
                    disabled={disabled}
                    onClick={() => onChange(value.filter((x) => x !== t))}
                    aria-label={`移除标签 ${t}`}
                    className="rounded px-1 hover:bg-brand-100"
                  >
                    ×
                  </button>
                </li>
              ))}
            </ul>
          )}
          <input
            {...control}
            type="text"
            list={`${id}-list`}
            value={text}
            disabled={disabled}
            maxLength={32}
            onChange={(e) => {
              if (e.target.value.endsWith(",") || e.target.value.endsWith("，"))
                add(e.target.value.slice(0, -1));
              else setText(e.target.value);
            }}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                add(text);
              }
            }}
            onBlur={() => add(text)}
            placeholder="输入后按回车添加"
            className={inputClass()}
          />
          <datalist id={`${id}-list`}>
            {suggestions.map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
        </>
      )}
    </Field>
  );
}
