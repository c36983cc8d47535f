const KEYS: [string, string][] = [
  ["j", "下一条"],
  ["k", "上一条"],
  ["a", "通过"],
  ["r", "拒绝"],
  ["s", "标为垃圾"],
  ["x", "选中 / 取消选中"],
];

/** Always on screen: a shortcut nobody can find is not a feature. */
export function ShortcutHelp() {
  return (
    <div className="rounded-lg bg-white px-3 py-2 text-xs text-ink-600" data-testid="shortcut-help">
      <h2 className="sr-only">键盘快捷键</h2>
      <p>
        快捷键（在输入框外使用）：
        {KEYS.map(([k, label]) => (
          <span key={k} className="mr-3 inline-block">
            <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 font-mono text-ink-900">
              {k}
            </kbd>{" "}
            {label}
          </span>
        ))}
        有勾选时 a / r / s 处理所有勾选的评论。
      </p>
    </div>
  );
}
