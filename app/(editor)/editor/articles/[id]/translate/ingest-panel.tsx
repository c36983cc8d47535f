"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { primaryButton, secondaryButton } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { inputClass } from "@/components/ui/input";
import { ingestSourceAction } from "./actions";

type Props = { articleId: string; version: number; defaultUrl: string | null; replace?: boolean };

// pasted markup is read as HTML (lists, code and tables survive); anything else as plain text
const looksLikeHtml = (s: string) =>
  /<(p|div|h[1-6]|ul|ol|li|article|section|table|pre|blockquote)[\s>]/i.test(s);

/**
 * 从链接抓取原文 / 粘贴原文. Fetching takes a few seconds and says so; errors are the service's
 * zh-CN messages (a paywall, a private address, an empty page). On success the page reloads
 * with the new segments.
 */
export function IngestPanel({ articleId, version, defaultUrl, replace = false }: Props) {
  const router = useRouter();
  const [url, setUrl] = useState(defaultUrl ?? "");
  const [pasted, setPasted] = useState("");
  const [busy, setBusy] = useState<"url" | "paste" | null>(null);
  const [error, setError] = useState("");
  const [done, setDone] = useState("");
  const [, startTransition] = useTransition();

  async function run(kind: "url" | "paste") {
    setBusy(kind);
    setError("");
    setDone("");
    const input =
      kind === "url"
        ? { articleId, version, url: url.trim(), replace }
        : {
            articleId,
            version,
            pasted: looksLikeHtml(pasted) ? { html: pasted } : { text: pasted },
            replace,
          };
    const r = await ingestSourceAction(input).catch(() => null);
    setBusy(null);
    if (!r) return setError("网络连接失败，请检查网络后重试。");
    if (!r.ok) return setError(r.error.message);
    setDone(`已导入原文“${r.data.title}”，共 ${r.data.segmentCount} 段。`);
    startTransition(() => router.refresh());
  }

  return (
    <div className="space-y-4">
      <div className="space-y-2">
        <label htmlFor="ingest-url" className="block text-sm font-medium text-ink-900">
          原文链接
        </label>
        <div className="flex flex-col gap-2 sm:flex-row">
          <input
            id="ingest-url"
            type="url"
            lang="en"
            inputMode="url"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            placeholder="https://"
            className={inputClass()}
          />
          <button
            type="button"
            className={`${primaryButton} shrink-0`}
            disabled={busy !== null || !url.trim()}
            onClick={() => void run("url")}
          >
            {busy === "url" ? "正在抓取…" : "从链接抓取原文"}
          </button>
        </div>
        <p className="text-xs text-ink-600">服务器抓取原文页面，提取标题、作者、来源和正文，并按段落拆分。</p>
      </div>
      <details className="space-y-2">
        <summary className="cursor-pointer text-sm font-medium text-brand-700">粘贴原文</summary>
        <label htmlFor="ingest-paste" className="block text-sm text-ink-600">
          原文需要登录或付费、无法抓取时，把英文原文（纯文本或网页 HTML）粘贴到这里，段落之间空一行。
        </label>
        <textarea
          id="ingest-paste"
          lang="en"
          rows={8}
          value={pasted}
          onChange={(e) => setPasted(e.target.value)}
          className={inputClass()}
        />
        <button
          type="button"
          className={secondaryButton}
          disabled={busy !== null || !pasted.trim()}
          onClick={() => void run("paste")}
        >
          {busy === "paste" ? "正在导入…" : "导入粘贴的原文"}
        </button>
      </details>
      {busy && (
        <p role="status" className="text-sm text-ink-600">
          {busy === "url" ? "正在抓取原文，最长约 10 秒…" : "正在拆分段落…"}
        </p>
      )}
      {error && <FormAlert tone="error">{error}</FormAlert>}
      {done && <FormAlert tone="success">{done}</FormAlert>}
    </div>
  );
}
