"use client";

import type { Ref } from "react";

/** English paragraphs: blank lines separate them, as in text copied from a web page. */
export function sourceParagraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

type Props = { text: string; title?: string | null; scrollRef?: Ref<HTMLDivElement> };

/** 原文对照: the pasted original, read-only, numbered by paragraph so the translator can keep their place. */
export function SourcePane({ text, title, scrollRef }: Props) {
  const paragraphs = sourceParagraphs(text);
  return (
    <section
      aria-labelledby="source-pane-title"
      className="flex min-w-0 flex-col rounded-md border border-slate-300 bg-amber-50/40"
    >
      <h2
        id="source-pane-title"
        className="border-b border-slate-200 px-4 py-2 text-sm font-semibold text-ink-600"
      >
        原文
        {title ? (
          <span className="ml-2 font-normal" lang="en">
            {title}
          </span>
        ) : null}
      </h2>
      <div
        ref={scrollRef}
        tabIndex={0}
        aria-label="原文内容（可滚动）"
        className="relative max-h-[75vh] overflow-y-auto px-4 py-3"
        lang="en"
        data-testid="source-pane"
      >
        {paragraphs.length ? (
          paragraphs.map((p, i) => (
            <p key={i} data-para={i} className="mb-3 whitespace-pre-wrap text-[15px] leading-7 text-ink-900">
              <span aria-hidden="true" className="mr-2 select-none text-xs text-ink-600">
                {i + 1}
              </span>
              {p}
            </p>
          ))
        ) : (
          <p className="text-sm text-ink-600" lang="zh-CN">
            还没有原文。在右侧“译文信息”中粘贴英文原文后，这里会逐段显示，方便对照翻译。
          </p>
        )}
      </div>
    </section>
  );
}
