"use client";

import { Panel, type PanelProps } from "./side-panels";
import { TextField } from "./text-field";

/** 译文信息: the source's metadata (credited on the public page) and its full text for the 对照 pane. */
export function TranslationPanel({ fields, update, disabled, errors }: PanelProps) {
  return (
    <Panel title="译文信息" defaultOpen={Boolean(fields.sourceUrl || fields.sourceText)}>
      <TextField id="ed-source-url" label="原文链接" type="url" value={fields.sourceUrl} onChange={(sourceUrl) => update({ sourceUrl })} disabled={disabled} errors={errors.sourceUrl} max={2048} placeholder="https://" hint="填写后本文即为译文，文章页会显示译文声明。" />
      <TextField id="ed-source-title" label="原文标题" lang="en" value={fields.sourceTitle} onChange={(sourceTitle) => update({ sourceTitle })} disabled={disabled} errors={errors.sourceTitle} max={300} />
      <TextField id="ed-source-author" label="原作者" value={fields.sourceAuthor} onChange={(sourceAuthor) => update({ sourceAuthor })} disabled={disabled} errors={errors.sourceAuthor} max={200} />
      <TextField id="ed-source-site" label="来源站点" value={fields.sourceSite} onChange={(sourceSite) => update({ sourceSite })} disabled={disabled} errors={errors.sourceSite} max={100} />
      <TextField id="ed-source-date" label="原文发布时间" type="date" value={fields.sourcePublishedAt} onChange={(sourcePublishedAt) => update({ sourcePublishedAt })} disabled={disabled} errors={errors.sourcePublishedAt} />
      <TextField
        id="ed-source-text"
        label="原文全文"
        lang="en"
        multiline={8}
        value={fields.sourceText}
        onChange={(sourceText) => update({ sourceText })}
        disabled={disabled}
        errors={errors.sourceText}
        max={100_000}
        hint="粘贴英文原文，段落之间空一行；显示在正文左侧逐段对照，不会公开。"
      />
    </Panel>
  );
}
