import type { TermHit } from "@/lib/translation/glossary/match";

/** The English source with glossary terms marked; the approved translation is in the title. */
export function SourceText({ text, hits }: { text: string; hits: TermHit[] }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const h of hits) {
    if (h.start < at) continue;
    parts.push(text.slice(at, h.start));
    parts.push(
      <mark
        key={h.start}
        className="rounded-sm bg-amber-100 px-0.5 text-inherit"
        title={h.entry.doNotTranslate ? "不译" : h.entry.target}
      >
        {text.slice(h.start, h.end)}
      </mark>,
    );
    at = h.end;
  }
  parts.push(text.slice(at));
  return (
    <p lang="en" className="whitespace-pre-wrap break-words text-[15px] leading-relaxed text-ink-900">
      {parts}
    </p>
  );
}
