import type { Metadata } from "next";
import Link from "next/link";
import { primaryButton } from "@/components/ui/button";
import { cardClass } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { staffInputClass } from "@/components/ui/input";
import { getCommentSettings } from "@/lib/comments/settings";
import { TRUST_MIN_APPROVED } from "@/lib/comments/rules";
import { MAX_BLOCKED_WORDS } from "@/lib/services/comments/update-comment-settings";
import { ActionForm } from "../../action-form";
import { adminActor } from "../../gate";
import { updateCommentSettingsAction } from "./actions";

export const metadata: Metadata = { title: "评论规则" };

const MODES = [
  {
    value: "premoderate",
    label: "先审后发",
    hint: "所有评论都先进入审核队列，通过后才公开显示。",
  },
  {
    value: "trusted",
    label: "信任读者直接发布",
    hint: `注册满 24 小时、已有 ${TRUST_MIN_APPROVED} 条评论通过且没有评论被拒绝的读者，评论立即显示；其他读者的评论仍需审核。含链接的评论始终需要审核。`,
  },
] as const;

/** 评论规则 (admins): whether readers may comment at all, who is trusted, and which words hold or reject. */
export default async function CommentRulesPage() {
  await adminActor("settings.manage");
  const s = await getCommentSettings();
  const lines = s.blockedWords.map((w) => (w.action === "reject" ? `${w.word} reject` : w.word)).join("\n");
  return (
    <div className="space-y-4">
      <p className="text-sm">
        <Link href="/admin/comments" className="text-brand-700 hover:underline">
          ← 返回评论审核
        </Link>
      </p>
      <h1 className="text-xl font-bold">评论规则</h1>
      <ActionForm
        action={updateCommentSettingsAction}
        submitLabel="保存规则"
        pendingLabel="保存中…"
        successMessage="评论规则已保存，下一条评论起生效。"
        submitClass={primaryButton}
        className={`${cardClass} space-y-4`}
        testId="comment-rules-form"
      >
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" name="enabled" defaultChecked={s.enabled} className="mt-1" />
          <span>
            开放评论
            <span className="block text-xs text-ink-600">
              取消勾选后，所有文章都显示「本站评论已关闭」，读者无法发表评论；已有评论照常显示。
            </span>
          </span>
        </label>
        <fieldset className="rounded-md border border-slate-200 p-3">
          <legend className="px-1 text-sm font-medium">审核方式</legend>
          <div className="space-y-2">
            {MODES.map((m) => (
              <label key={m.value} className="flex items-start gap-2 text-sm">
                <input
                  type="radio"
                  name="mode"
                  value={m.value}
                  defaultChecked={s.mode === m.value}
                  className="mt-1"
                />
                <span>
                  {m.label}
                  <span className="block text-xs text-ink-600">{m.hint}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <Field
          id="field-blockedWords"
          label="屏蔽词"
          note={`最多 ${MAX_BLOCKED_WORDS} 个`}
          hint="每行一个。只写词语时，含该词的评论暂缓审核；在词语后加空格和 reject（或「直接拒绝」），含该词的评论直接拒绝、不会显示。英文按整词匹配，中文按包含匹配，全角、大小写和零宽字符不影响匹配。"
        >
          {(p) => (
            <textarea
              {...p}
              name="blockedWords"
              rows={10}
              defaultValue={lines}
              placeholder={"博彩\n代开发票 reject"}
              className={`${staffInputClass} font-mono`}
            />
          )}
        </Field>
      </ActionForm>
    </div>
  );
}
