const SHORTCUTS: [string, string][] = [
  ["Ctrl+Enter", "确认本段（已翻译）并跳到下一个未翻译段"],
  ["Alt+↓ / Alt+↑", "下一段 / 上一段"],
  ["Ctrl+Shift+↓", "下一个未翻译段"],
  ["Alt+1 … Alt+5", "插入第 1–5 条翻译记忆"],
];

/** 快捷键, always one click away. */
export function ShortcutsHelp() {
  return (
    <details className="text-sm">
      <summary className="cursor-pointer select-none text-brand-700">快捷键</summary>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 rounded-md bg-slate-50 p-2">
        {SHORTCUTS.map(([keys, what]) => (
          <div key={keys} className="contents">
            <dt>
              <kbd className="rounded border border-slate-300 bg-white px-1 text-xs">{keys}</kbd>
            </dt>
            <dd className="text-ink-600">{what}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
