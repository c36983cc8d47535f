"use client";

import { startTransition, useActionState, useEffect, useRef, useState, type FormEvent } from "react";
import { CaptchaField } from "@/components/site/captcha-field";
import { primaryButton } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { inputClass } from "@/components/ui/input";
import { createCommentAction, type CommentFormState } from "./actions";

type Viewer = "loading" | "signed-out" | { displayName: string };

/**
 * 发表评论. Whether the reader is signed in is asked after load (/api/me), so the article page
 * stays the same cached HTML for everyone. Comments are held for moderation before they show.
 */
export function CommentForm({ publicId }: { publicId: string }) {
  const [viewer, setViewer] = useState<Viewer>("loading");
  const [state, action, pending] = useActionState<CommentFormState, FormData>(createCommentAction, null);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    let live = true;
    fetch("/api/me", { credentials: "same-origin", cache: "no-store" })
      .then((r) => (r.ok ? (r.json() as Promise<{ user: { displayName: string } | null }>) : { user: null }))
      .then((d) => live && setViewer(d.user ? { displayName: d.user.displayName } : "signed-out"))
      .catch(() => live && setViewer("signed-out"));
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    if (state?.ok) formRef.current?.reset();
  }, [state]);

  // onSubmit, not <form action>: React resets a form after every action, and a refused comment
  // must keep its text; a successful one is cleared above
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    startTransition(() => action(data));
  };

  const signedIn = typeof viewer === "object";
  const loginHref = `/login?next=${encodeURIComponent(`/posts/${publicId}#comments`)}`;
  const bodyError = state && !state.ok ? state.error.fieldErrors?.body?.[0] : undefined;
  const captchaError = state && !state.ok ? state.error.fieldErrors?.captchaAnswer?.[0] : undefined;

  return (
    <form
      ref={formRef}
      onSubmit={submit}
      className="mt-4"
      aria-labelledby="comment-form-title"
      data-testid="comment-form"
    >
      <h3 id="comment-form-title" className="sr-only">
        发表评论
      </h3>
      <input type="hidden" name="publicId" value={publicId} />
      <Field
        id="comment-body"
        label={signedIn ? `以 ${viewer.displayName} 的身份评论` : "评论内容"}
        errors={bodyError ? [bodyError] : undefined}
      >
        {(p) => (
          <textarea
            {...p}
            name="body"
            rows={4}
            maxLength={2000}
            required
            disabled={!signedIn || pending}
            placeholder={signedIn ? "文明发言，理性讨论。评论经审核后显示。" : "登录后才能发表评论"}
            className={`${inputClass()} leading-7`}
          />
        )}
      </Field>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        {signedIn && (
          <div className="w-full sm:w-auto">
            <CaptchaField round={state} errors={captchaError ? [captchaError] : undefined} />
          </div>
        )}
        {signedIn ? (
          <button type="submit" disabled={pending} className={`${primaryButton} ml-auto`}>
            {pending ? "提交中…" : "发表评论"}
          </button>
        ) : (
          <p className="ml-auto text-sm text-ink-600">
            {viewer === "loading" ? (
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
      <p role="status" className="mt-2 text-sm">
        {state?.ok && <span className="text-green-700">评论已提交，审核通过后将显示在这里。</span>}
        {state && !state.ok && !bodyError && !captchaError && (
          <span className="text-red-700">{state.error.message}</span>
        )}
      </p>
    </form>
  );
}
