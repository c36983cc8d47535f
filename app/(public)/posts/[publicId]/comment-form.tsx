"use client";

import dynamic from "next/dynamic";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { primaryButton } from "@/components/ui/button";
import { inputClass } from "@/components/ui/input";
import { createCommentAction, type CommentFormState } from "./actions";
import type { Reader } from "./use-comment-reader";

/** A fresh key per composed comment; randomUUID needs a secure context, so fall back to random bytes. */
function newKey() {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join(
    "",
  );
}

// Loaded only for readers who must prove work: the widget and its stylesheet (altcha.css, 16 KB,
// render-blocking when imported here) stay off every article page that does not need them.
const ProofOfWork = dynamic(() => import("@/components/site/proof-of-work").then((m) => m.ProofOfWork), {
  ssr: false,
  loading: () => <p className="text-sm text-ink-600">正在加载人机验证…</p>,
});

type Props = {
  publicId: string;
  reader: Reader;
  /** the comment replied to (the service attaches the reply to its thread) */
  parentId?: string;
  /** after a stored comment: reload the reader's own comments so it shows at once */
  onPosted: () => Promise<void>;
  onCancel?: () => void;
};

function outcome(state: CommentFormState) {
  if (!state) return null;
  if (!state.ok) {
    // a field's own message says more than the form's (评论不能超过 2000 字, 人机验证未通过…)
    const field = Object.values(state.error.fieldErrors ?? {})[0]?.[0];
    return { tone: "error" as const, text: field ?? state.error.message };
  }
  const { status, heldLabel } = state.data;
  if (status === "APPROVED") return { tone: "ok" as const, text: "已发表" };
  if (status === "PENDING")
    return { tone: "ok" as const, text: `已提交，等待审核${heldLabel ? `（${heldLabel}）` : ""}` };
  return { tone: "error" as const, text: "评论含有本站不允许的内容，未能发表。请修改后再试。" };
}

/**
 * 发表评论 or a reply. Each composed comment carries an idempotency key made when the form mounts
 * and again after a comment is stored, so a double click or a replayed request stores it once.
 * Refusals (limits, a ban with its reason and end, a closed article) come back in the alert with
 * the text kept. The proof of work shows only when the server says this reader needs it.
 */
export function CommentForm({ publicId, reader, parentId, onPosted, onCancel }: Props) {
  const [key, setKey] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [state, setState] = useState<CommentFormState>(null);
  const boxRef = useRef<HTMLTextAreaElement>(null);
  // made after mount, not during render: the server's HTML and the first client render must agree
  // eslint-disable-next-line react-hooks/set-state-in-effect
  useEffect(() => setKey(newKey()), []);
  useEffect(() => {
    if (parentId) boxRef.current?.focus();
  }, [parentId]);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (pending || !key) return;
    const form = e.currentTarget;
    setPending(true);
    const r: CommentFormState = await createCommentAction(null, new FormData(form)).catch(() => ({
      ok: false as const,
      error: { code: "INTERNAL" as const, message: "网络连接失败，评论没有发出。请稍后重试。" },
    }));
    setState(r);
    if (r.ok) {
      // stored (shown, held or refused by a rule): the next comment is a new one
      setKey(newKey());
      if (r.data.status !== "REJECTED") form.reset();
      await onPosted();
    }
    setPending(false);
  };

  const signedIn = reader.kind === "signed-in";
  const id = parentId ? `reply-body-${parentId}` : "comment-body";
  const loginHref = `/login?next=${encodeURIComponent(`/posts/${publicId}#comments`)}`;
  const said = outcome(state);

  return (
    <form onSubmit={submit} className="mt-4" data-testid={parentId ? "reply-form" : "comment-form"}>
      <input type="hidden" name="publicId" value={publicId} />
      <input type="hidden" name="parentId" value={parentId ?? ""} />
      <input type="hidden" name="idempotencyKey" value={key ?? ""} />
      <label htmlFor={id} className="mb-1 block text-sm text-ink-700">
        {!signedIn ? "评论内容" : parentId ? "回复内容" : `以 ${reader.displayName} 的身份评论`}
      </label>
      <textarea
        id={id}
        ref={boxRef}
        name="body"
        rows={parentId ? 3 : 4}
        maxLength={2000}
        required
        disabled={!signedIn}
        readOnly={pending}
        placeholder={signedIn ? "文明发言，理性讨论。" : "登录后才能发表评论"}
        className={`${inputClass()} leading-7`}
      />
      <div className="mt-3 flex flex-wrap items-center gap-3">
        {signedIn && reader.proofRequired && (
          <div className="w-full sm:w-auto">
            <ProofOfWork key={key ?? "none"} form="comment" />
          </div>
        )}
        {signedIn ? (
          <span className="ml-auto flex gap-2">
            {onCancel && (
              <button type="button" onClick={onCancel} className="rounded border px-4 py-2 text-sm">
                取消
              </button>
            )}
            <button type="submit" disabled={pending || !key} className={primaryButton}>
              {pending ? "提交中…" : parentId ? "发表回复" : "发表评论"}
            </button>
          </span>
        ) : (
          <p className="ml-auto text-sm text-ink-600">
            {reader.kind === "loading" ? (
              "正在确认登录状态…"
            ) : (
              <>
                请先
                <a href={loginHref} className="mx-1 text-brand-700 underline">
                  登录
                </a>
                后参与评论
              </>
            )}
          </p>
        )}
      </div>
      {said?.tone === "error" && (
        <p
          role="alert"
          className="mt-2 rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700"
        >
          {said.text}
        </p>
      )}
      <p role="status" className="mt-2 text-sm text-green-700">
        {said?.tone === "ok" ? said.text : ""}
      </p>
    </form>
  );
}
