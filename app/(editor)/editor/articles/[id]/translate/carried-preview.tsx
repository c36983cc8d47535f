import type { WorkSegment } from "@/lib/translation/types";

const KIND_LABELS = { CODE: "代码", TABLE: "表格", IMAGE: "图片" } as const;

/**
 * Code, tables and images go into the article as the source has them. The image itself is not
 * loaded here: the page's CSP allows only images uploaded to this site.
 */
export function CarriedPreview({ seg, imageNote }: { seg: WorkSegment; imageNote?: string }) {
  const label = KIND_LABELS[seg.kind as keyof typeof KIND_LABELS] ?? "内容";
  return (
    <div className="space-y-1">
      <span className="text-xs font-medium text-ink-600">{label}</span>
      {seg.kind === "IMAGE" ? (
        <p lang="en" className="text-sm text-ink-600">
          {imageNote || seg.sourceText || "（无说明文字的图片）"}
        </p>
      ) : (
        <pre
          lang="en"
          className="max-h-48 overflow-auto rounded bg-slate-50 p-2 text-xs leading-relaxed text-ink-900"
        >
          {seg.sourceText}
        </pre>
      )}
    </div>
  );
}
