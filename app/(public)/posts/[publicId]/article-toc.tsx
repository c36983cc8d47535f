import type { TocEntry } from "@/lib/content/render";

/**
 * 目录 built from the body's own headings. A <details> element: open by default, collapsible
 * on a phone without any JavaScript.
 */
export function ArticleToc({ toc }: { toc: TocEntry[] }) {
  return (
    <nav aria-labelledby="toc-title" className="mt-6 rounded border border-slate-200 bg-slate-50">
      <details open className="group">
        <summary className="cursor-pointer px-4 py-3 font-semibold text-ink-900 select-none">
          <span id="toc-title">目录</span>
        </summary>
        <ol className="s-toc">
          {toc.map((t) => (
            <li key={t.id} className={t.level === 3 ? "pl-4" : undefined}>
              {/* a block line 24 px high: the minimum touch target (WCAG 2.5.8, axe target-size) */}
              <a href={`#${t.id}`}>{t.text}</a>
            </li>
          ))}
        </ol>
      </details>
    </nav>
  );
}
