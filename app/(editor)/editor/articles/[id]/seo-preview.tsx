"use client";

import { useSyncExternalStore } from "react";
import { seoSnippet } from "./seo-snippet";

type Props = {
  fields: { title: string; lede: string; seoTitle: string; seoDescription: string };
  /** the article's public id, when the caller has it: /posts/<publicId> */
  publicId?: string;
};

const noSubscribe = () => () => {};

/** 搜索结果预览: the article as a search engine would list it, updating as the fields are typed. */
export function SeoPreview({ fields, publicId }: Props) {
  // the host is the browser's: on the server there is none yet, so nothing differs at hydration
  const host = useSyncExternalStore(
    noSubscribe,
    () => location.host,
    () => "",
  );
  const s = seoSnippet(fields);
  return (
    <section aria-label="搜索结果预览" data-testid="seo-preview" className="space-y-1">
      <p className="text-xs font-medium text-ink-600">搜索结果预览</p>
      <div className="rounded border border-slate-200 p-3">
        <p className="truncate text-xs text-ink-600">
          {host}
          {" › posts › "}
          {publicId ?? "…"}
        </p>
        <p className="text-base leading-snug text-[#1a0dab]">{s.title || "（还没有标题）"}</p>
        <p className="text-sm text-ink-900">{s.description || "（还没有描述：填写 SEO 描述或导语）"}</p>
      </div>
      {(s.isTitleFallback || s.isDescriptionFallback) && (
        <p className="text-xs text-ink-600">
          {[s.isTitleFallback && "标题取自文章标题", s.isDescriptionFallback && "描述取自导语"]
            .filter(Boolean)
            .join("，")}
          。
        </p>
      )}
    </section>
  );
}
