import Link from "next/link";
import { primaryButton } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { StatusBadge } from "@/components/ui/status-badge";
import type { SegmentProgress } from "@/lib/services/translation/segments/progress";
import type { TranslationWork } from "@/lib/services/translation/segments/list-segments";
import { PrefillButton, PrefillNotice } from "./prefill-button";
import { ShortcutsHelp } from "./shortcuts-help";

export type ApplyState =
  | { kind: "idle" }
  | { kind: "busy" }
  | { kind: "done"; skipped: number; linkedImages: number }
  | { kind: "error"; message: string };

type Props = {
  article: TranslationWork["article"];
  progress: SegmentProgress;
  canEdit: boolean;
  apply: ApplyState;
  onApply: () => void;
};

/** Title, source, progress (34/52 已翻译), 机器预翻译 (when configured) and 生成正文. */
export function TranslateHeader({ article, progress, canEdit, apply, onApply }: Props) {
  const editorHref = `/editor/articles/${article.id}`;
  const percent = progress.total ? Math.round((progress.translated / progress.total) * 100) : 0;
  return (
    <div className="space-y-3 rounded-lg bg-white p-4">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <Link href={editorHref} className="text-sm text-brand-700 hover:underline">
          ← 返回编辑器
        </Link>
        <StatusBadge kind="article" status={article.status} />
        <h1 className="min-w-0 flex-1 truncate text-lg font-semibold text-ink-900">
          双语翻译：{article.title}
        </h1>
        <ShortcutsHelp />
      </div>
      {article.sourceUrl && (
        <p className="text-sm text-ink-600">
          原文：
          <a
            href={article.sourceUrl}
            target="_blank"
            rel="noopener noreferrer"
            lang="en"
            className="break-all text-brand-700 underline"
          >
            {article.sourceTitle || article.sourceUrl}
          </a>
          {article.sourceSite && <span> · {article.sourceSite}</span>}
          {article.sourceAuthor && <span> · {article.sourceAuthor}</span>}
          {article.hasSnapshot && (
            <>
              {" · "}
              <Link href={`/editor/articles/${article.id}/source`} className="text-brand-700 underline">
                原文快照
              </Link>
            </>
          )}
        </p>
      )}
      {article.sourceChangedAt && (
        <FormAlert tone="error">
          原文已更新：原作者修改了原文，请核对受影响的段落。{" "}
          <Link href={`/editor/articles/${article.id}/source`} className="underline">
            查看新旧原文对比 →
          </Link>
        </FormAlert>
      )}
      {progress.total > 0 && (
        <div className="flex flex-wrap items-center gap-3">
          <div
            role="progressbar"
            aria-label="翻译进度"
            aria-valuemin={0}
            aria-valuemax={progress.total}
            aria-valuenow={progress.translated}
            aria-valuetext={`${progress.translated}/${progress.total} 已翻译`}
            className="h-2 min-w-40 flex-1 overflow-hidden rounded-full bg-slate-200"
          >
            <div className="h-full bg-brand-600 transition-all" style={{ width: `${percent}%` }} />
          </div>
          <span className="text-sm font-medium text-ink-900" data-testid="translate-progress">
            {progress.translated}/{progress.total} 已翻译
          </span>
          <span className="text-xs text-ink-600">
            草稿 {progress.draft} · 已审校 {progress.reviewed}
            {progress.machineFilled > 0 && ` · 机翻待确认 ${progress.machineFilled}`}
            {progress.carried > 0 && ` · 原样保留 ${progress.carried}`}
          </span>
          {canEdit && <PrefillButton untranslated={progress.untranslated} />}
          {canEdit && (
            <button
              type="button"
              className={primaryButton}
              disabled={apply.kind === "busy"}
              onClick={onApply}
              title="用当前译文替换文章正文（旧正文保存在历史版本中）"
            >
              {apply.kind === "busy" ? "正在生成…" : "生成正文"}
            </button>
          )}
        </div>
      )}
      {apply.kind === "done" && (
        <FormAlert tone="success">
          已用译文生成文章正文
          {apply.skipped > 0 && `（${apply.skipped} 段尚未翻译，未放入正文）`}
          {apply.linkedImages > 0 && `；${apply.linkedImages} 张外站图片以链接保留，请在编辑器中上传`}。{" "}
          <Link href={editorHref} className="underline">
            前往编辑器查看正文 →
          </Link>
        </FormAlert>
      )}
      {apply.kind === "error" && <FormAlert tone="error">{apply.message}</FormAlert>}
      {canEdit && <PrefillNotice />}
    </div>
  );
}
