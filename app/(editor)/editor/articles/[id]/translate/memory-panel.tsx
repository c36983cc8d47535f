import type { MemoryMatch } from "@/lib/services/translation/memory/lookup-memory";
import type { MemoryState } from "./use-memory-matches";

/** 翻译记忆: matches with their percentage, the stored source's differing words marked; Alt+N inserts one. */
export function MemoryPanel({
  memory,
  canInsert,
  onInsert,
}: {
  memory: MemoryState;
  canInsert: boolean;
  onInsert: (m: MemoryMatch) => void;
}) {
  if (memory.kind === "idle") return <p className="text-sm text-ink-600">选中一段后显示相似的已审校译文。</p>;
  if (memory.kind === "loading") return <p className="text-sm text-ink-600">正在查询翻译记忆…</p>;
  if (memory.kind === "error")
    return (
      <p role="alert" className="text-sm text-red-700">
        {memory.message}
      </p>
    );
  if (!memory.matches.length) return <p className="text-sm text-ink-600">没有相似度 60% 以上的记忆。</p>;
  return (
    <ol className="space-y-2" data-testid="memory-matches">
      {memory.matches.map((m, i) => (
        <li key={m.id}>
          <button
            type="button"
            disabled={!canInsert}
            onClick={() => onInsert(m)}
            aria-keyshortcuts={`Alt+${i + 1}`}
            title={`插入此译文（Alt+${i + 1}）`}
            className="block w-full space-y-1 rounded-md border border-slate-200 p-2 text-left hover:border-brand-500 hover:bg-brand-50 disabled:cursor-default"
          >
            <span className="flex items-center gap-2 text-xs">
              <span
                className={`rounded px-1.5 py-0.5 font-semibold ${m.score === 100 ? "bg-emerald-100 text-emerald-900" : "bg-amber-100 text-amber-900"}`}
              >
                {m.score}%
              </span>
              <span className="text-ink-400">Alt+{i + 1}</span>
            </span>
            <span lang="en" className="block text-xs text-ink-600">
              {m.diff.map((d, j) =>
                d.changed ? (
                  <mark key={j} className="bg-red-100 text-red-900">
                    {d.text}
                  </mark>
                ) : (
                  <span key={j}>{d.text}</span>
                ),
              )}
            </span>
            <span lang="zh-CN" className="block text-sm text-ink-900">
              {m.targetText}
            </span>
          </button>
        </li>
      ))}
    </ol>
  );
}
