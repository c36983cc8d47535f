"use client";

import type { Editor } from "@tiptap/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { ArticleEditor } from "@/components/editor/article-editor";
import { secondaryButton } from "@/components/ui/button";
import { SourcePane } from "@/components/editor/source-pane";
import { useScrollSync } from "@/components/editor/use-scroll-sync";
import { formatDateTime } from "@/lib/format/beijing-time";
import type { ArticleWithPending, PendingEditInfo } from "@/lib/services/articles/pending/get-pending-edit";
import type { SavedArticle } from "@/lib/services/articles/update-article";
import type { EditorOptions } from "@/lib/services/articles/get-editor-options";
import { StatusBadge } from "@/components/ui/status-badge";
import { ConflictDialog, type ConflictChoice } from "./conflict-dialog";
import { correctionInput, NO_CORRECTION, type CorrectionDraft } from "./correction-fields";
import { CorrectionsPanel } from "./corrections-panel";
import { clearBackup, readBackup, type DraftBackup } from "./draft-backup";
import { backupDiffers, fieldsOf, type DraftFields, type Snapshot } from "./draft-fields";
import { ReviewPanels } from "./review-panels";
import { PreviewPanel } from "./preview-panel";
import { CommentsPanel } from "./comments-panel";
import { PresenceBar } from "./presence-bar";
import { RevisionsPanel } from "./revisions-panel";
import { applyPendingEditAction, discardPendingEditAction, resolveConflictAction } from "./saving-actions";
import { SaveStatus } from "./save-status";
import { CategoryTagsPanel, CoverPanel, SeoPanel } from "./side-panels";
import { TextField } from "./text-field";
import { TranslationPanel } from "./translation-panel";
import { useArticleSave } from "./use-article-save";
import { WorkflowButtons } from "./workflow-buttons";
import { WorkspaceNotices } from "./workspace-notices";

type Props = { article: ArticleWithPending; options: EditorOptions };

/** 编辑文章: fields, the tiptap editor (beside the English original for translations), save and workflow. */
export function ArticleWorkspace({ article, options }: Props) {
  const editable = article.permissions.canEdit;
  const [fields, setFields] = useState(() => fieldsOf(article));
  const fieldsRef = useRef(fields);
  const editorRef = useRef<Editor | null>(null);
  const current = useCallback(
    (): Snapshot | null =>
      editorRef.current
        ? { fields: fieldsRef.current, body: JSON.stringify(editorRef.current.getJSON()) }
        : null,
    [],
  );
  const router = useRouter();
  const live = article.status === "PUBLISHED";
  // a save of a live article becomes (or updates) its pending edit: say so at once
  const [pendingInfo, setPendingInfo] = useState<PendingEditInfo | null>(article.pendingEdit);
  const onSaved = useCallback(
    (r: SavedArticle) => r.pending && setPendingInfo({ updatedAt: new Date(r.updatedAt), editorName: "你" }),
    [],
  );
  const save = useArticleSave(article.id, article.version, current, editable, onSaved);
  const [conflictDismissed, setConflictDismissed] = useState(false);
  const [pendingBusy, setPendingBusy] = useState(false);
  const [pendingMessage, setPendingMessage] = useState("");
  const [correction, setCorrection] = useState<CorrectionDraft>(NO_CORRECTION);
  const [backup, setBackup] = useState<DraftBackup | null>(null);
  const [paneOn, setPaneOn] = useState(article.isTranslation);
  // nothing is editable until the editor exists: a change made earlier could not be diffed or saved
  const [ready, setReady] = useState(false);
  const editorBox = useRef<HTMLDivElement>(null);
  const sourceBox = useRef<HTMLDivElement>(null);
  useScrollSync(editorBox, sourceBox, paneOn);

  const update = (patch: Partial<DraftFields>) => {
    fieldsRef.current = { ...fieldsRef.current, ...patch };
    setFields(fieldsRef.current);
    save.noteChange();
  };
  const onReady = (editor: Editor) => {
    editorRef.current = editor;
    // the baseline is what the server sent (the body as the editor normalises it), never local edits
    const base = { fields: fieldsOf(article), body: JSON.stringify(editor.getJSON()) };
    save.setBaseline(base);
    setReady(true);
    const b = readBackup(article.id);
    if (b && editable && Array.isArray(b.changed) && backupDiffers(b, base)) setBackup(b);
    else if (b) clearBackup(article.id);
  };
  // only what this user changed comes back, so fields someone else saved meanwhile are kept
  const restoreBackup = () => {
    if (!backup) return;
    const restored = { ...fieldsRef.current };
    for (const k of backup.changed)
      if (k in restored) Object.assign(restored, { [k]: backup.fields[k as keyof DraftFields] });
    fieldsRef.current = restored;
    setFields(restored);
    if (backup.changed.includes("body")) editorRef.current?.commands.setContent(JSON.parse(backup.body));
    setBackup(null);
    save.noteChange();
  };

  /** 保留我的 / 采用对方的: my unsaved changes against their version; the page then reloads the result. */
  const resolveConflict = async (choice: ConflictChoice, theirVersion: number) => {
    const changes = save.pendingChanges() ?? {};
    const r = await resolveConflictAction({ id: article.id, version: theirVersion, choice, ...changes });
    if (!r.ok) return r.error.message;
    // both texts are in the history now (see lib/services/articles/revisions/resolve-conflict.ts);
    // the history holds title, lede and body only, so under 采用对方的 other changed fields (cover,
    // tags…) stay in the local copy, which the reloaded page offers to restore
    const onlyText = Object.keys(changes).every((k) => k === "title" || k === "lede" || k === "body");
    if (choice === "MINE" || onlyText) clearBackup(article.id);
    router.refresh();
    return null;
  };
  const myChanges = () => {
    const c = save.pendingChanges();
    return c
      ? { title: c.title as string | undefined, lede: c.lede as string | undefined, body: c.body as never }
      : null;
  };
  /** 更新 / 放弃修改 of a live article's pending edit: what the editor shows is saved first. */
  const pendingAction = (which: "apply" | "discard") => async () => {
    // a correction note is checked before anything is saved, so a missing note costs nothing
    const note = correctionInput(correction);
    if (which === "apply" && !note.ok) return setPendingMessage(note.message);
    setPendingBusy(true);
    setPendingMessage("");
    if (!(await save.saveNow())) {
      setPendingBusy(false);
      return setPendingMessage("当前修改尚未保存，请先解决保存问题。");
    }
    const target = { id: article.id, version: save.version() };
    const r =
      which === "apply"
        ? await applyPendingEditAction({ ...target, correction: note.ok ? note.value : null })
        : await discardPendingEditAction(target);
    setPendingBusy(false);
    if (!r.ok) return setPendingMessage(r.error.message);
    setCorrection(NO_CORRECTION);
    clearBackup(article.id);
    router.refresh();
  };

  const { saveNow } = save;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "s") {
        e.preventDefault();
        void saveNow();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [saveNow]);

  const errors = save.state.kind === "error" ? (save.state.error.fieldErrors ?? {}) : {};
  const disabled = !editable || !ready || save.state.kind === "conflict";
  const readOnlyReason = editable
    ? null
    : article.status === "IN_REVIEW"
      ? "稿件正在审核中，暂时只读；编辑退回后即可继续修改。"
      : "你可以查看这篇文章，但没有修改它的权限（只读）。";
  const isTranslation = paneOn || Boolean(fields.sourceUrl || fields.sourceText);
  const panel = { fields, update, disabled, errors };

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2 rounded-lg bg-white p-3">
        <Link href="/editor" className="text-sm text-brand-700 hover:underline">
          ← 我的文章
        </Link>
        <h1 className="sr-only">编辑文章：{fields.title}</h1>
        <StatusBadge kind="article" status={article.status} />
        {article.status === "SCHEDULED" && article.scheduledAt && (
          <span className="text-sm text-violet-800">定于 {formatDateTime(article.scheduledAt)} 发布</span>
        )}
        {article.status === "PUBLISHED" && article.publishedAt && (
          <span className="text-sm text-ink-600">发布于 {formatDateTime(article.publishedAt)}</span>
        )}
        {editable && <SaveStatus state={save.state} attempts={save.attempts} />}
        {editable && (
          <button
            type="button"
            className={secondaryButton}
            disabled={disabled}
            onClick={() => void saveNow()}
            aria-keyshortcuts="Control+S"
            title="保存（Ctrl+S）"
          >
            保存
          </button>
        )}
        {article.status === "PUBLISHED" && (
          <a href={`/posts/${article.publicId}`} className="text-sm text-brand-700 underline" target="_blank">
            查看文章
          </a>
        )}
        <div className="ml-auto">
          <WorkflowButtons article={article} save={saveNow} version={save.version} disabled={!ready} />
        </div>
      </div>
      <PresenceBar articleId={article.id} />
      <ConflictDialog
        open={save.state.kind === "conflict" && !conflictDismissed}
        articleId={article.id}
        mine={myChanges}
        onClose={() => setConflictDismissed(true)}
        onResolve={resolveConflict}
      />
      <WorkspaceNotices
        state={save.state}
        pending={
          live && editable
            ? {
                info: pendingInfo,
                canApply: article.permissions.canPublish,
                busy: pendingBusy,
                message: pendingMessage,
                onApply: () => void pendingAction("apply")(),
                onDiscard: () => void pendingAction("discard")(),
                correction,
                onCorrectionChange: setCorrection,
              }
            : null
        }
        onOpenConflict={() => setConflictDismissed(false)}
        backup={backup}
        serverVersion={article.version}
        readOnlyReason={readOnlyReason}
        onRestoreBackup={restoreBackup}
        onDiscardBackup={() => (clearBackup(article.id), setBackup(null))}
      />
      <div className="grid gap-4 xl:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="min-w-0 space-y-3">
          <div className="space-y-3 rounded-lg bg-white p-4">
            <TextField draft={panel} name="title" label="标题" max={200} />
            <TextField
              draft={panel}
              name="lede"
              label="导语"
              multiline={2}
              max={500}
              hint="一两句话概括全文，显示在标题下方和列表中。"
            />
          </div>
          {isTranslation && (
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" checked={paneOn} onChange={(e) => setPaneOn(e.target.checked)} />
              对照原文（左侧显示英文原文，随正文逐段滚动）
            </label>
          )}
          <div className={paneOn ? "grid gap-3 lg:grid-cols-2" : ""}>
            {paneOn && (
              <SourcePane text={fields.sourceText} title={fields.sourceTitle} scrollRef={sourceBox} />
            )}
            <ArticleEditor
              initialContent={article.body}
              editable={editable}
              onChange={save.noteChange}
              onReady={onReady}
              scrollRef={editorBox}
              label={isTranslation ? "译文正文" : "正文"}
            />
          </div>
          {errors.body && <p className="text-sm text-red-600">{errors.body.join(" ")}</p>}
        </div>
        <aside aria-label="文章设置" className="space-y-3">
          <CategoryTagsPanel {...panel} categories={options.categories} tagNames={options.tagNames} />
          <TranslationPanel {...panel} />
          <CoverPanel {...panel} />
          <SeoPanel {...panel} publicId={article.publicId} />
          <PreviewPanel articleId={article.id} />
          <CommentsPanel articleId={article.id} closed={article.commentsClosed} />
          {live && (
            <CorrectionsPanel
              articleId={article.id}
              corrections={article.corrections}
              canFile={article.permissions.canPublish}
            />
          )}
          <ReviewPanels articleId={article.id} />
          <RevisionsPanel
            articleId={article.id}
            canRestore={editable}
            save={saveNow}
            version={save.version}
          />
          <p className="px-1 text-xs text-ink-600">
            作者：{article.author.displayName}
            {article.translator && ` · 译者：${article.translator.displayName}`} · 编号 {article.publicId}
          </p>
        </aside>
      </div>
    </div>
  );
}
