"use client";

import { secondaryButton, quietDangerButton } from "@/components/ui/button";
import { staffInputClass } from "@/components/ui/input";
import type { NavItem } from "@/lib/services/navigation/schemas";

export type EditableItem = NavItem & { key: number };

type Props = {
  list: "guide" | "header";
  title: string;
  items: EditableItem[];
  max: number;
  errors: Record<string, string[] | undefined>;
  onChange(items: EditableItem[]): void;
  onAdd(): void;
};

const small = "px-2 py-1";

/** One ordered list of links: fields per item, 上移 / 下移 / 删除 buttons (plain buttons: keyboard-operable). */
export function NavListEditor({ list, title, items, max, errors, onChange, onAdd }: Props) {
  const set = (i: number, patch: Partial<NavItem>) =>
    onChange(items.map((it, j) => (j === i ? { ...it, ...patch } : it)));
  const move = (i: number, by: -1 | 1) => {
    const next = [...items];
    [next[i], next[i + by]] = [next[i + by]!, next[i]!];
    onChange(next);
  };
  const err = (i: number, field: string) => errors[`${list}.${i}.${field}`]?.[0];
  return (
    <fieldset
      className="space-y-3 rounded-md border border-slate-200 bg-white p-4"
      data-testid={`nav-${list}`}
    >
      <legend className="px-1 font-semibold">{title}</legend>
      {errors[list]?.[0] && <p className="text-sm text-red-700">{errors[list][0]}</p>}
      {items.length === 0 && <p className="text-sm text-ink-600">这个列表是空的，页头将不显示这部分。</p>}
      <ol className="space-y-3">
        {items.map((it, i) => {
          const id = `${list}-${it.key}`;
          const name = it.label || `第 ${i + 1} 项`;
          return (
            <li key={it.key} className="rounded border border-slate-200 p-3" data-testid="nav-item">
              <div className="grid gap-2 sm:grid-cols-2">
                <Input
                  id={`${id}-label`}
                  label="名称"
                  value={it.label}
                  max={20}
                  error={err(i, "label")}
                  onChange={(v) => set(i, { label: v })}
                />
                <Input
                  id={`${id}-href`}
                  label="网址"
                  value={it.href}
                  max={500}
                  error={err(i, "href")}
                  onChange={(v) => set(i, { href: v })}
                  placeholder="/feed 或 https://…"
                />
                {list === "guide" ? (
                  <Input
                    id={`${id}-desc`}
                    label="说明（可选）"
                    value={it.description}
                    max={60}
                    error={err(i, "description")}
                    onChange={(v) => set(i, { description: v })}
                  />
                ) : (
                  <label className="block text-sm" htmlFor={`${id}-place`}>
                    位置
                    <select
                      id={`${id}-place`}
                      value={it.placement}
                      className={`${staffInputClass} mt-1`}
                      onChange={(e) => set(i, { placement: e.target.value === "end" ? "end" : "start" })}
                    >
                      <option value="start">左侧（首页旁）</option>
                      <option value="end">右侧（搜索框旁）</option>
                    </select>
                  </label>
                )}
                <label className="flex items-center gap-2 self-end text-sm">
                  <input
                    type="checkbox"
                    checked={it.newTab}
                    onChange={(e) => set(i, { newTab: e.target.checked })}
                  />
                  在新窗口打开
                </label>
              </div>
              <div className="mt-2 flex flex-wrap gap-1">
                <button
                  type="button"
                  className={`${secondaryButton} ${small}`}
                  disabled={i === 0}
                  aria-label={`上移「${name}」`}
                  onClick={() => move(i, -1)}
                >
                  上移
                </button>
                <button
                  type="button"
                  className={`${secondaryButton} ${small}`}
                  disabled={i === items.length - 1}
                  aria-label={`下移「${name}」`}
                  onClick={() => move(i, 1)}
                >
                  下移
                </button>
                <button
                  type="button"
                  className={`${quietDangerButton} ${small}`}
                  aria-label={`删除「${name}」`}
                  onClick={() => onChange(items.filter((_, j) => j !== i))}
                >
                  删除
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      <button type="button" className={secondaryButton} disabled={items.length >= max} onClick={onAdd}>
        添加一项{items.length >= max ? `（已达上限 ${max} 项）` : ""}
      </button>
    </fieldset>
  );
}

type InputProps = {
  id: string;
  label: string;
  value: string;
  max: number;
  error?: string;
  placeholder?: string;
  onChange(v: string): void;
};

function Input({ id, label, value, max, error, placeholder, onChange }: InputProps) {
  return (
    <div className="text-sm">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={value}
        maxLength={max}
        placeholder={placeholder}
        aria-invalid={!!error || undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={`${staffInputClass} mt-1`}
        onChange={(e) => onChange(e.target.value)}
      />
      {error && (
        <p id={`${id}-error`} className="mt-1 text-xs text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
