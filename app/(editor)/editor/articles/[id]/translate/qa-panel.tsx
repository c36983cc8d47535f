import type { QaFinding } from "@/lib/translation/types";

/** 质量检查 for the whole translation; each finding is a link that focuses its segment. */
export function QaPanel({
  findings,
  numberOf,
  onOpen,
}: {
  findings: QaFinding[];
  numberOf: (segmentId: string) => number | undefined;
  onOpen: (segmentId: string) => void;
}) {
  if (!findings.length) return <p className="text-sm text-green-700">没有发现问题。</p>;
  const errors = findings.filter((f) => f.severity === "error").length;
  return (
    <div className="space-y-2">
      <p className="text-xs text-ink-600">
        {errors} 个错误（发布前必须修正）· {findings.length - errors} 个提醒
      </p>
      <ul className="max-h-80 space-y-1 overflow-auto" data-testid="qa-findings">
        {findings.map((f, i) => (
          <li key={`${f.segmentId}-${f.code}-${i}`}>
            {f.segmentId ? (
              <a
                href={`#seg-${f.segmentId}`}
                data-severity={f.severity}
                onClick={(e) => {
                  e.preventDefault();
                  onOpen(f.segmentId!);
                }}
                className={`block rounded px-1.5 py-1 text-sm hover:bg-slate-50 ${f.severity === "error" ? "text-red-700" : "text-amber-800"}`}
              >
                第 {numberOf(f.segmentId)} 段 · {f.message}
              </a>
            ) : (
              <span className="block px-1.5 py-1 text-sm">{f.message}</span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
