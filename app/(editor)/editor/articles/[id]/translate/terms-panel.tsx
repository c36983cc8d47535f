import type { TermHit } from "@/lib/translation/glossary/match";

/** 术语: the glossary terms in the focused source segment, each with its approved translation. */
export function TermsPanel({ hits }: { hits: TermHit[] | null }) {
  if (!hits) return <p className="text-sm text-ink-600">选中一段后显示其中的术语。</p>;
  if (!hits.length) return <p className="text-sm text-ink-600">这一段没有术语表中的词。</p>;
  const seen = new Set<number>();
  const unique = hits.filter((h) => !seen.has(h.entry.id) && seen.add(h.entry.id));
  return (
    <ul className="space-y-1.5" data-testid="term-hits">
      {unique.map((h) => (
        <li key={h.entry.id} className="text-sm">
          <span lang="en" className="font-medium">
            {h.matched}
          </span>{" "}
          →{" "}
          {h.entry.doNotTranslate ? (
            <span className="rounded bg-slate-200 px-1.5 py-0.5 text-xs">不译</span>
          ) : (
            <span lang="zh-CN">{h.entry.target}</span>
          )}
          {h.entry.note && <span className="block text-xs text-ink-600">{h.entry.note}</span>}
        </li>
      ))}
    </ul>
  );
}
