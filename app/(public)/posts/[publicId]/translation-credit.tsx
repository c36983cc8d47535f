import { formatDate } from "@/lib/format/beijing-time";
import type { PublicArticle } from "@/lib/services/public/get-public-article";

type Source = NonNullable<PublicArticle["source"]>;

/**
 * The attribution every translation carries: what the original is, who wrote it, where and
 * when it appeared, a working link to it on its own line, and the reprint notice.
 */
export function TranslationCredit({
  source,
  translatorName,
}: {
  source: Source;
  translatorName: string | null;
}) {
  return (
    <section
      aria-labelledby="source-title"
      className="mt-8 rounded border border-slate-200 bg-slate-50 p-4 text-sm leading-7"
    >
      <h2 id="source-title" className="mb-2 font-semibold text-ink-900">
        译文声明
      </h2>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-ink-600">
        {source.title && (
          <>
            <dt>原文标题</dt>
            <dd className="break-words text-ink-900" lang={source.language ?? "en"}>
              {source.title}
            </dd>
          </>
        )}
        {source.author && (
          <>
            <dt>原作者</dt>
            <dd className="text-ink-900">{source.author}</dd>
          </>
        )}
        {source.site && (
          <>
            <dt>来源</dt>
            <dd className="text-ink-900">{source.site}</dd>
          </>
        )}
        {source.publishedAt && (
          <>
            <dt>原文发布时间</dt>
            <dd className="text-ink-900">
              <time dateTime={source.publishedAt.toISOString()}>{formatDate(source.publishedAt)}</time>
            </dd>
          </>
        )}
        {translatorName && (
          <>
            <dt>译者</dt>
            <dd className="text-ink-900">{translatorName}</dd>
          </>
        )}
      </dl>
      <p className="mt-2 text-ink-600">原文链接：</p>
      <p className="break-all">
        <a
          href={source.url}
          rel="noopener noreferrer nofollow"
          className="text-brand-700 underline underline-offset-2"
        >
          {source.url}
        </a>
      </p>
      <p className="mt-2 text-ink-600">本文为译文，版权归原作者所有。如需转载，请注明译文出处及原文地址。</p>
    </section>
  );
}
