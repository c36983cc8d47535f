import type { Metadata } from "next";
import Link from "next/link";
import { notFound, permanentRedirect } from "next/navigation";
import { Suspense } from "react";
import { KeysetArticles } from "@/components/site/keyset-articles";
import { ArticleListSkeleton } from "@/components/ui/skeleton";
import { normaliseCveId } from "@/lib/cve/id";
import { formatDate } from "@/lib/format/beijing-time";
import { getCve, listCveArticles, type CveDto } from "@/lib/services/cve/get-cve";
import { pageMetadata } from "@/lib/seo/page-metadata";
import type { SearchParams } from "../../search-params";
import { severityClass, severityLabel } from "../labels";

type Props = { params: Promise<{ id: string }>; searchParams: SearchParams };

// read outside Suspense on purpose, like the tag and member pages: an unknown id must answer 404
export const instant = false;

// cacheComponents wants at least one param; every other id renders on first request and is cached
export function generateStaticParams() {
  return [{ id: "__none__" }];
}

/**
 * The canonical id of the path segment, or null (then the page is a 404). Without the year bound:
 * it reads the clock, which failed Next.js' prerender each time it regenerated the page in the
 * background past its lifetime (the stale page was served on); proxy.ts answers ids past next year 404.
 */
function idOf(raw: string): string | null {
  try {
    return normaliseCveId(decodeURIComponent(raw), null);
  } catch {
    return null;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const id = idOf((await params).id);
  const cve = id ? await getCve(id) : null;
  if (!cve) return { title: "漏洞不存在" };
  return pageMetadata({
    title: `${cve.id} 漏洞详情与相关报道`,
    description: cve.description ?? `署名 Byline 关于 ${cve.id} 的报道。`,
    path: `/cve/${cve.id}`,
  });
}

export default async function CvePage({ params, searchParams }: Props) {
  const raw = (await params).id;
  const id = idOf(raw);
  if (!id) notFound();
  // cve-2024-3094, full-width: one canonical address
  if (id !== raw) permanentRedirect(`/cve/${id}`);
  const cve = await getCve(id);
  if (!cve) notFound();
  return (
    <section
      aria-labelledby="cve-title"
      className="mx-auto max-w-4xl rounded bg-white p-5"
      data-testid="cve-page"
    >
      <header className="mb-5 border-b border-slate-200 pb-4">
        <p className="text-sm text-ink-600">
          <Link href="/cve" className="hover:text-brand-600">
            漏洞库
          </Link>
        </p>
        <h1 id="cve-title" className="mt-1 font-mono text-2xl font-bold">
          {cve.id}
        </h1>
        {cve.kev && (
          <p className="mt-2 inline-block rounded bg-red-700 px-2 py-0.5 text-sm font-medium text-white">
            已被在野利用（KEV）
          </p>
        )}
      </header>
      <CveFacts cve={cve} />
      <h2 className="mt-8 mb-2 text-lg font-bold">相关报道</h2>
      <Suspense fallback={<ArticleListSkeleton />}>
        <KeysetArticles
          searchParams={searchParams}
          basePath={`/cve/${cve.id}`}
          load={(before) => listCveArticles(cve.id, before)}
          headingLevel={3}
          emptyText="还没有提到这个漏洞的文章。"
        />
      </Suspense>
    </section>
  );
}

function CveFacts({ cve }: { cve: CveDto }) {
  const row = "grid gap-1 border-b border-slate-100 py-3 sm:grid-cols-[9rem_1fr]";
  const term = "text-sm font-medium text-ink-600";
  return (
    <dl data-testid="cve-facts">
      <div className={row}>
        <dt className={term}>漏洞编号</dt>
        <dd className="font-mono">{cve.id}</dd>
      </div>
      <div className={row}>
        <dt className={term}>描述</dt>
        {/* NVD's text is English; shown as imported, escaped by React */}
        <dd lang="en">{cve.description ?? "暂无描述（尚未导入 NVD 数据）。"}</dd>
      </div>
      <div className={row}>
        <dt className={term}>CVSS 评分</dt>
        <dd>
          {cve.cvss ? (
            <>
              <span className="text-lg font-bold">{cve.cvss.score.toFixed(1)}</span>
              <span className="ml-2 text-sm text-ink-600">CVSS {cve.cvss.version}</span>
              <code className="mt-1 block text-xs break-all text-ink-600">{cve.cvss.vector}</code>
            </>
          ) : (
            "暂无"
          )}
        </dd>
      </div>
      <div className={row}>
        <dt className={term}>严重程度</dt>
        <dd>
          {cve.cvss ? (
            <span className={`rounded px-2 py-0.5 text-sm ${severityClass[cve.cvss.severity] ?? ""}`}>
              {severityLabel[cve.cvss.severity] ?? cve.cvss.severity}
            </span>
          ) : (
            "暂无"
          )}
        </dd>
      </div>
      <div className={row}>
        <dt className={term}>受影响产品</dt>
        <dd>
          {cve.affected.length ? (
            <ul className="flex flex-wrap gap-2">
              {cve.affected.map((a) => (
                <li key={`${a.vendor}/${a.product}`} className="rounded bg-slate-100 px-2 py-0.5 text-sm">
                  {a.vendor} / {a.product}
                </li>
              ))}
            </ul>
          ) : (
            "暂无"
          )}
        </dd>
      </div>
      <div className={row}>
        <dt className={term}>已被在野利用（KEV）</dt>
        <dd data-testid="cve-kev">
          {cve.kev ? (
            <>
              是，{formatDate(cve.kev.addedAt)} 列入 CISA 已知被利用漏洞目录
              {cve.kev.dueDate && <>；修复期限 {formatDate(cve.kev.dueDate)}</>}
              {cve.kev.ransomware && <>；已知被用于勒索软件攻击</>}
            </>
          ) : (
            "否（未列入 CISA KEV 目录）"
          )}
        </dd>
      </div>
      {cve.nvdPublishedAt && (
        <div className={row}>
          <dt className={term}>NVD 发布日期</dt>
          <dd>{formatDate(cve.nvdPublishedAt)}</dd>
        </div>
      )}
    </dl>
  );
}
