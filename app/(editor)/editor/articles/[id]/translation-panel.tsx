"use client";

import Link from "next/link";
import { useParams } from "next/navigation";
import { primaryButton } from "@/components/ui/button";
import { Panel, type PanelProps } from "./side-panels";
import { TextField } from "./text-field";

/** 译文信息: the source's metadata (credited on the public page) and its full text for the 对照 pane. */
export function TranslationPanel(props: PanelProps) {
  const { fields } = props;
  const { id } = useParams<{ id: string }>();
  return (
    <Panel title="译文信息" defaultOpen={Boolean(fields.sourceUrl || fields.sourceText)}>
      <div className="space-y-1">
        <Link
          href={`/editor/articles/${encodeURIComponent(id)}/translate`}
          className={`${primaryButton} w-full`}
        >
          进入双语翻译
        </Link>
        <p className="text-xs text-ink-600">抓取或粘贴英文原文，逐段对照翻译，完成后一键生成正文。</p>
      </div>
      <TextField
        draft={props}
        name="sourceUrl"
        label="原文链接"
        type="url"
        max={2048}
        placeholder="https://"
        hint="填写后本文即为译文，文章页会显示译文声明。"
      />
      <TextField draft={props} name="sourceTitle" label="原文标题" lang="en" max={300} />
      <TextField draft={props} name="sourceAuthor" label="原作者" max={200} />
      <TextField draft={props} name="sourceSite" label="来源站点" max={100} />
      <TextField draft={props} name="sourcePublishedAt" label="原文发布时间" type="date" />
      <TextField
        draft={props}
        name="sourceText"
        label="原文全文"
        lang="en"
        multiline={8}
        max={100_000}
        hint="粘贴英文原文，段落之间空一行；显示在正文左侧逐段对照，不会公开。"
      />
    </Panel>
  );
}
