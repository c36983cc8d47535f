"use client";

import { useCallback, useEffect, useState } from "react";
import { Field } from "@/components/ui/field";
import { inputClass } from "@/components/ui/input";

/**
 * The image captcha: a sealed token in a hidden field, its picture from /api/captcha, a text
 * box and a 换一张 button. A captcha is good for one submit, so the form passes `round` (its
 * latest state) and a new one is fetched after every answer.
 */
export function CaptchaField({ round, errors }: { round: unknown; errors?: string[] }) {
  const [token, setToken] = useState("");
  const [failed, setFailed] = useState(false);

  const refresh = useCallback(() => {
    fetch("/api/captcha", { cache: "no-store", credentials: "same-origin" })
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))))
      .then((d: { token: string }) => {
        setToken(d.token);
        setFailed(false);
      })
      .catch(() => setFailed(true));
  }, []);

  // a new captcha on mount and after every submit (`round` is the form's latest state)
  useEffect(() => {
    refresh();
  }, [refresh, round]);

  return (
    <Field
      id="field-captchaAnswer"
      name="captchaAnswer"
      label="图形验证码"
      hint="请输入图中的 5 个字符，不区分大小写；验证码 10 分钟内有效，每张只能用一次。"
      errors={errors}
    >
      {(p) => (
        <>
          <div className="flex items-center gap-2">
            <input
              {...p}
              required
              aria-required
              autoComplete="off"
              spellCheck={false}
              autoCapitalize="characters"
              maxLength={8}
              className={`${inputClass({ size: "lg" })} min-w-0 flex-1 uppercase tracking-widest`}
            />
            <span className="flex h-[50px] w-[150px] shrink-0 items-center justify-center overflow-hidden rounded border border-slate-200 bg-slate-50">
              {token ? (
                // eslint-disable-next-line @next/next/no-img-element -- an uncacheable SVG from our own route
                <img
                  src={`/api/captcha?token=${encodeURIComponent(token)}`}
                  alt="图形验证码：5 个字母或数字，看不清可以点“换一张”"
                  width={150}
                  height={50}
                />
              ) : (
                <span className="text-xs text-ink-400">{failed ? "加载失败" : "加载中…"}</span>
              )}
            </span>
            <button
              type="button"
              onClick={refresh}
              className="shrink-0 rounded px-2 py-2 text-sm text-brand-600 hover:text-brand-700"
            >
              换一张
            </button>
          </div>
          <input type="hidden" name="captchaToken" value={token} />
        </>
      )}
    </Field>
  );
}
