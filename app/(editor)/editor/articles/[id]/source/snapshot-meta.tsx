import { formatDateTime } from "@/lib/format/beijing-time";
import type { SnapshotView } from "@/lib/services/translation/source-updates/snapshot-view";
import { isWebUrl } from "./segment-text";

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="contents">
      <dt className="text-ink-600">{label}</dt>
      <dd className="min-w-0 text-ink-900">{children}</dd>
    </div>
  );
}

/** A snapshot's attribution and fetch facts (where from, when, under which validators). */
export function SnapshotMeta({ snapshot: s }: { snapshot: SnapshotView }) {
  const link = s.finalUrl ?? s.url;
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
      <Row label="标题">
        <span lang="en">{s.title || "（无标题）"}</span>
      </Row>
      <Row label="链接">
        {isWebUrl(link) ? (
          <a
            href={link}
            target="_blank"
            rel="noopener noreferrer nofollow"
            className="break-all text-brand-700 underline"
          >
            {link}
          </a>
        ) : (
          <span className="break-all">{link ?? "（粘贴的原文，没有链接）"}</span>
        )}
      </Row>
      <Row label="作者">{s.author ?? "—"}</Row>
      <Row label="来源网站">{s.siteName ?? "—"}</Row>
      <Row label="获取方式">{s.origin === "FETCHED" ? "抓取" : "粘贴"}</Row>
      <Row label="获取时间">
        <time dateTime={s.fetchedAt.toISOString()}>{formatDateTime(s.fetchedAt)}</time>
      </Row>
      <Row label="ETag">{s.etag ? <code className="break-all">{s.etag}</code> : "—"}</Row>
      <Row label="Last-Modified">{s.lastModified ?? "—"}</Row>
      <Row label="段落数">{s.segments.length}</Row>
    </dl>
  );
}
