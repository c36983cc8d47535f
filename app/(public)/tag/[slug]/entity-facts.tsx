import { severityClass, severityLabel } from "@/app/(public)/cve/labels";
import type { TagDto } from "@/lib/services/public/get-tag";
import { listTagCves } from "@/lib/services/public/list-tag-cves";

/**
 * What a threat entity's page shows above its articles (issue 16): its other names, a short
 * description and the CVEs its articles mention. A plain topic shows none of it.
 */
export async function EntityFacts({ tag }: { tag: TagDto }) {
  const cves = await listTagCves(tag.id);
  return (
    <div className="mt-3 space-y-3 text-sm leading-7" data-testid="entity-facts">
      {tag.description && <p className="text-ink-900">{tag.description}</p>}
      {tag.aliases.length > 0 && (
        <p>
          <span className="text-ink-600">又名：</span>
          {tag.aliases.join("、")}
        </p>
      )}
      {cves.length > 0 && (
        <section aria-labelledby="entity-cves-title">
          <h2 id="entity-cves-title" className="text-ink-600">
            相关漏洞
          </h2>
          <ul className="mt-1 flex flex-wrap gap-2">
            {cves.map((c) => (
              <li key={c.id}>
                <a
                  href={`/cve/${c.id}`}
                  className="inline-flex items-center gap-1 rounded border border-slate-300 px-2 py-0.5 font-mono hover:border-brand-500 hover:text-brand-700"
                >
                  {c.id}
                  {c.severity && (
                    <span className={`rounded px-1 text-xs ${severityClass[c.severity] ?? ""}`}>
                      {severityLabel[c.severity] ?? c.severity}
                    </span>
                  )}
                  {c.kev && (
                    <span
                      className="rounded bg-red-700 px-1 text-xs text-white"
                      title="已被在野利用（CISA KEV）"
                    >
                      KEV
                    </span>
                  )}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
