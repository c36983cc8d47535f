"use client";

import { useState } from "react";
import { queryText } from "@/lib/escape/query-text";

type Props = { url: string; title: string; qrSrc: string };

/**
 * 分享至: WeChat (a QR code drawn on our own server, for the reader to scan with the phone),
 * Weibo (its public share endpoint) and copying the link.
 */
export function ShareBox({ url, title, qrSrc }: Props) {
  const [showQr, setShowQr] = useState(false);
  const [copied, setCopied] = useState<"" | "ok" | "fail">("");
  // the title's CJK characters stay as they are (the browser encodes them when the link is followed;
  // escaped here, each would take 9 bytes of the page): only what would end or change the query is
  const weibo = `https://service.weibo.com/share/share.php?url=${encodeURIComponent(url)}&title=${queryText(title)}`;

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopied("ok");
    } catch {
      setCopied("fail");
    }
  }

  const button = "s-share-btn";
  return (
    <section aria-labelledby="share-title" className="mt-8 border-t border-slate-200 pt-4">
      <div className="flex flex-wrap items-center gap-2">
        <h2 id="share-title" className="mr-1 text-sm text-ink-600">
          分享至
        </h2>
        <button
          type="button"
          className={button}
          aria-expanded={showQr}
          aria-controls="wechat-qr"
          onClick={() => setShowQr((v) => !v)}
        >
          微信
        </button>
        <a className={button} href={weibo} target="_blank" rel="noopener noreferrer">
          微博<span className="sr-only">（在新窗口打开）</span>
        </a>
        <button type="button" className={button} onClick={copy} data-testid="copy-link">
          复制链接
        </button>
        <span role="status" className="text-xs text-ink-600">
          {copied === "ok" ? "链接已复制" : copied === "fail" ? "复制失败，请手动复制地址栏中的链接" : ""}
        </span>
      </div>
      {showQr && (
        <div
          id="wechat-qr"
          className="mt-3 inline-flex flex-col items-center rounded border border-slate-200 bg-white p-3"
        >
          {/* eslint-disable-next-line @next/next/no-img-element -- an SVG from our own route */}
          <img src={qrSrc} alt={`本文链接的二维码：${url}`} width={160} height={160} className="h-40 w-40" />
          <p className="mt-2 text-xs text-ink-600">打开微信扫一扫，点击右上角即可分享</p>
        </div>
      )}
    </section>
  );
}
