"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { primaryButton, secondaryButton } from "@/components/ui/button";
import { inputClass } from "@/components/ui/input";
import type { ActionResult } from "@/lib/errors";
import type { ArticleForEdit } from "@/lib/services/articles/article-dto";
import { publishArticleAction, submitForReviewAction, unpublishArticleAction } from "../actions";
import { ReasonDialog } from "./reason-dialog";
import { returnArticleAction } from "./review-actions";

type Props = {
  article: Pick<ArticleForEdit, "id" | "status" | "permissions" | "isContribution">;
  save: () => Promise<boolean>;
  version: () => number;
  disabled?: boolean;
};

type Dialog = "submit" | "return" | "decline" | null;

const DIALOGS = {
  submit: {
    title: "提交审核",
    label: "给审核编辑的附言",
    hint: "例如需要重点看的段落、尚未确定的译法。",
    confirm: "提交审核",
    required: false,
  },
  return: {
    title: "退回修改",
    label: "退回原因",
    hint: "说明需要修改的地方，作者会在流转记录和通知里看到。",
    confirm: "退回修改",
    required: true,
  },
  decline: {
    title: "不予采用",
    label: "不予采用的原因",
    hint: "投稿人会在“我的投稿”里看到这条原因。",
    confirm: "不予采用",
    required: true,
  },
} as const;

/**
 * 提交审核 / 发布 / 定时发布 / 退回修改 / 撤回, shown by what the actor may do (the services decide again).
 * Pending edits are saved first, and the transition names that version, so what is published
 * is exactly what the person clicking saw.
 */
export function WorkflowButtons({ article, save, version, disabled }: Props) {
  const router = useRouter();
  const [isPending, start] = useTransition();
  const pending = isPending || Boolean(disabled);
  const [error, setError] = useState("");
  const [notice, setNotice] = useState("");
  const [scheduling, setScheduling] = useState(false);
  const [when, setWhen] = useState("");
  const [dialog, setDialog] = useState<Dialog>(null);
  const { status, permissions: p } = article;
  const open = status === "DRAFT" || status === "IN_REVIEW" || status === "SCHEDULED";

  const act = (fn: () => Promise<ActionResult<unknown>>) =>
    start(async () => {
      setError("");
      setNotice("");
      if (!(await save())) return setError("请先解决保存问题，再进行此操作。");
      const r = await fn();
      if (!r.ok) return setError(r.error.message);
      const warnings = (r.data as { qaWarnings?: number } | undefined)?.qaWarnings ?? 0;
      if (warnings) setNotice(`已提交审核。译文质量检查还有 ${warnings} 条提醒，可在“双语翻译”页查看。`);
      setScheduling(false);
      setDialog(null);
      router.refresh();
    });

  return (
    <div className="flex flex-wrap items-center gap-2">
      {p.canSubmit && status === "DRAFT" && (
        <button
          type="button"
          disabled={pending}
          className={primaryButton}
          onClick={() => (setError(""), setDialog("submit"))}
        >
          提交审核
        </button>
      )}
      {p.canPublish && open && (
        <button
          type="button"
          disabled={pending}
          className={primaryButton}
          onClick={() => act(() => publishArticleAction({ id: article.id, version: version() }))}
        >
          {status === "SCHEDULED" ? "立即发布" : "发布"}
        </button>
      )}
      {p.canSchedule && open && (
        <button
          type="button"
          disabled={pending}
          aria-expanded={scheduling}
          className={secondaryButton}
          onClick={() => setScheduling((v) => !v)}
        >
          定时发布
        </button>
      )}
      {p.canUnpublish && status === "IN_REVIEW" && (
        <button
          type="button"
          disabled={pending}
          className={secondaryButton}
          onClick={() => (setError(""), setDialog("return"))}
        >
          退回修改
        </button>
      )}
      {p.canUnpublish && status === "IN_REVIEW" && article.isContribution && (
        <button
          type="button"
          disabled={pending}
          className={secondaryButton}
          onClick={() => (setError(""), setDialog("decline"))}
        >
          不予采用
        </button>
      )}
      {p.canUnpublish && status !== "DRAFT" && status !== "ARCHIVED" && (
        <>
          {status !== "IN_REVIEW" && (
            <button
              type="button"
              disabled={pending}
              className={secondaryButton}
              onClick={() => act(() => unpublishArticleAction({ id: article.id, to: "DRAFT" }))}
            >
              撤回为草稿
            </button>
          )}
          <button
            type="button"
            disabled={pending}
            className={secondaryButton}
            onClick={() => act(() => unpublishArticleAction({ id: article.id, to: "ARCHIVED" }))}
          >
            撤回并归档
          </button>
        </>
      )}
      {p.canUnpublish && status === "ARCHIVED" && (
        <button
          type="button"
          disabled={pending}
          className={secondaryButton}
          onClick={() => act(() => unpublishArticleAction({ id: article.id, to: "DRAFT" }))}
        >
          恢复为草稿
        </button>
      )}
      {scheduling && (
        <form
          className="flex w-full flex-wrap items-center gap-2 rounded-md border border-slate-200 bg-slate-50 p-2"
          onSubmit={(e) => {
            e.preventDefault();
            if (!when) return setError("请选择发布时间。");
            act(() =>
              publishArticleAction({
                id: article.id,
                version: version(),
                scheduledAt: new Date(when).toISOString(),
              }),
            );
          }}
        >
          <label htmlFor="schedule-at" className="text-sm">
            发布时间（按本机时区）
          </label>
          <input
            id="schedule-at"
            type="datetime-local"
            value={when}
            onChange={(e) => setWhen(e.target.value)}
            className={`${inputClass()} w-auto`}
          />
          <button type="submit" disabled={pending} className={primaryButton}>
            确认定时发布
          </button>
        </form>
      )}
      {dialog && (
        <ReasonDialog
          open
          {...DIALOGS[dialog]}
          pending={pending}
          error={error}
          onClose={() => setDialog(null)}
          onConfirm={(note) =>
            act(() =>
              dialog === "submit"
                ? submitForReviewAction({ id: article.id, version: version(), ...(note ? { note } : {}) })
                : returnArticleAction({
                    id: article.id,
                    version: version(),
                    note,
                    decline: dialog === "decline",
                  }),
            )
          }
        />
      )}
      {isPending && (
        <span className="text-sm text-ink-600" role="status">
          处理中…
        </span>
      )}
      {/* while a dialog is open it shows the error itself: one alert, not two */}
      {error && !dialog && (
        <p role="alert" className="w-full text-sm text-red-700">
          {error}
        </p>
      )}
      {notice && (
        <p role="status" className="w-full text-sm text-amber-800">
          {notice}
        </p>
      )}
    </div>
  );
}
