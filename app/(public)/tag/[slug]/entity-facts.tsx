import Link from "next/link";
import { severityClass, severityLabel } from "@/app/(public)/cve/labels";
import { CveChip } from "@/components/site/cve-chips";
import { IocExports } from "@/components/site/ioc-exports";
import { shownIocValue } from "@/lib/ioc/render-html";
import { IOC_TYPE_LABELS } from "@/lib/ioc/types";
import { listTagIocs, type TagIoc } from "@/lib/services/ioc/list-tag-iocs";
import type { TagDto } from "@/lib/services/public/get-tag";
import { listTagCves } from "@/lib/services/public/list-tag-cves";

/** Indicators listed on the page; the exports carry them all. */
const SHOWN_IOCS = 50;

/**
 * What a threat entity's page shows above its articles (issue 16): its other names, a short
 * description, the CVEs its articles mention and the indicators (IOC blocks) they list, with
 * the exports. A plain topic shows none of it.
 */
export async function EntityFacts({ tag }: { tag: TagDto }) {
  const [cves, iocs] = await Promise.all([listTagCves(tag.id), listTagIocs(tag)]);
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
                <CveChip id={c.id} kev={c.kev}>
                  {c.severity && (
                    <span className={`rounded px-1 text-xs ${severityClass[c.severity] ?? ""}`}>
                      {severityLabel[c.severity] ?? c.severity}
                    </span>
                  )}
                </CveChip>
              </li>
            ))}
          </ul>
        </section>
      )}
      {iocs.items.length > 0 && <EntityIocs slug={tag.slug} items={iocs.items} />}
    </div>
  );
}

/** IOC 指标: type, the value as an article shows it (malicious network values defanged, never a link), its article. */
function EntityIocs({ slug, items }: { slug: string; items: TagIoc[] }) {
  return (
    <section aria-labelledby="entity-iocs-title">
      <h2 id="entity-iocs-title" className="text-ink-600">
        IOC 指标（{items.length}）
      </h2>
      <div className="mt-1 overflow-x-auto">
        <table className="w-full text-left text-sm" data-testid="entity-iocs">
          <thead>
            <tr className="border-b border-slate-200 text-ink-600">
              <th scope="col" className="py-1 pr-3 font-normal">
                类型
              </th>
              <th scope="col" className="py-1 pr-3 font-normal">
                指标
              </th>
              <th scope="col" className="py-1 font-normal">
                来源文章
              </th>
            </tr>
          </thead>
          <tbody>
            {items.slice(0, SHOWN_IOCS).map((i) => (
              <tr key={`${i.type}:${i.value}`} className="border-b border-slate-100 align-top">
                <td className="py-1 pr-3 whitespace-nowrap">{IOC_TYPE_LABELS[i.type]}</td>
                <td className="py-1 pr-3 break-all">
                  <code>{shownIocValue(i)}</code>
                  {i.malicious && <span className="ml-1 text-xs text-red-800">恶意</span>}
                </td>
                <td className="py-1">
                  <Link
                    href={`/posts/${i.article.publicId}`}
                    className="hover:text-brand-600 hover:underline"
                  >
                    {i.article.title}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {items.length > SHOWN_IOCS && (
        <p className="mt-1 text-ink-600">只列出最新的 {SHOWN_IOCS} 个，完整列表请下载导出文件。</p>
      )}
      <IocExports base={`/api/tags/${slug}/ioc`} label="导出全部 IOC：" />
    </section>
  );
}
