"use client";

import { useEffect, useId, useState } from "react";
import { inputClass } from "@/components/ui/input";

type LinkTarget = { title: string; url: string };
type Props = { autoFocus: boolean; onPick: (target: LinkTarget) => void };
type Result = { q: string; items: LinkTarget[] | null; failed: boolean };

const DEBOUNCE_MS = 250;

/**
 * 搜索本站文章: a combobox over GET /api/editor/link-targets, queried as you type (debounced, the
 * previous request aborted). Arrow keys move through the results, Enter picks one.
 */
export function LinkSearch({ autoFocus, onPick }: Props) {
  const id = useId();
  const [q, setQ] = useState("");
  const [result, setResult] = useState<Result>({ q: "", items: null, failed: false });
  const [active, setActive] = useState(-1);
  const query = q.trim();

  useEffect(() => {
    if (!query) return;
    const ctl = new AbortController();
    const t = setTimeout(() => {
      fetch(`/api/editor/link-targets?q=${encodeURIComponent(query)}`, { signal: ctl.signal })
        .then(async (res) => {
          if (!res.ok) throw new Error(String(res.status));
          const { items } = (await res.json()) as { items: LinkTarget[] };
          setResult({ q: query, items, failed: false });
          setActive(items.length ? 0 : -1);
        })
        .catch(() => !ctl.signal.aborted && setResult({ q: query, items: null, failed: true }));
    }, DEBOUNCE_MS);
    return () => (clearTimeout(t), ctl.abort());
  }, [query]);

  const items = query && result.q === query ? (result.items ?? []) : [];
  const status = !query
    ? ""
    : result.q !== query
      ? "正在搜索…"
      : result.failed
        ? "搜索失败，请稍后重试，或直接填写链接地址。"
        : items.length
          ? `找到 ${items.length} 篇文章，用上下方向键选择，回车插入。`
          : `没有标题包含“${query}”的已发布文章。`;

  function onKeyDown(e: React.KeyboardEvent<HTMLInputElement>) {
    if (!items.length) return;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      const step = e.key === "ArrowDown" ? 1 : items.length - 1;
      setActive((a) => (a + step) % items.length);
    } else if (e.key === "Enter" && items[active]) {
      e.preventDefault();
      onPick(items[active]);
    }
  }

  return (
    <div className="space-y-1">
      <label htmlFor={`${id}-q`} className="block text-sm font-medium text-ink-900">
        搜索本站文章
      </label>
      <input
        id={`${id}-q`}
        type="search"
        role="combobox"
        aria-expanded={items.length > 0}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={items[active] ? `${id}-o${active}` : undefined}
        aria-describedby={`${id}-status`}
        autoFocus={autoFocus}
        maxLength={100}
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onKeyDown={onKeyDown}
        placeholder="输入文章标题中的词"
        className={inputClass()}
      />
      <ul
        id={`${id}-list`}
        role="listbox"
        aria-label="本站文章"
        hidden={!items.length}
        className="max-h-56 overflow-y-auto rounded border border-slate-200"
      >
        {items.map((t, i) => (
          <li
            key={t.url}
            id={`${id}-o${i}`}
            role="option"
            aria-selected={i === active}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => onPick(t)}
            onMouseEnter={() => setActive(i)}
            className={`cursor-pointer px-3 py-2 text-sm ${i === active ? "bg-brand-100 text-brand-800" : "text-ink-900"}`}
          >
            {t.title}
            <span className="ml-2 text-xs text-ink-600">{t.url}</span>
          </li>
        ))}
      </ul>
      <p id={`${id}-status`} role="status" className="min-h-5 text-xs text-ink-600">
        {status}
      </p>
    </div>
  );
}
