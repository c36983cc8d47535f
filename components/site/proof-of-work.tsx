"use client";

import "altcha/altcha.css";
import "./proof-of-work.css";
import type {} from "altcha/types/react";
import { useEffect, useRef, useState } from "react";

/**
 * The ALTCHA proof of work (issue 13) in place of the image captcha: a "我不是机器人" checkbox
 * that the browser answers by solving the challenge from /api/altcha/challenge (bound to the
 * reader and the form, lib/security/proof-of-work.ts). The payload rides in the hidden field
 * `altcha`. A real checkbox with a label, required until solved, so keyboard and screen-reader
 * users get the same control; a polite live region says what happens while the work runs.
 */

export type ProofState = "unverified" | "verifying" | "verified" | "expired" | "error" | "code";

// every string the widget can show; the footer and code challenge are not used here
const STRINGS = {
  ariaLinkLabel: "ALTCHA（官方网站）",
  cancel: "取消",
  enterCode: "输入验证码",
  enterCodeAria: "输入你听到的验证码，按空格键播放音频。",
  enterCodeFromImage: "请输入图中的验证码。",
  error: "验证失败，请重试",
  expired: "验证已过期，请重新勾选",
  footer: "",
  getAudioChallenge: "播放音频验证码",
  label: "我不是机器人",
  loading: "加载中…",
  reload: "重新加载",
  verificationRequired: "需要验证",
  verified: "已验证",
  verify: "验证",
  verifying: "正在验证…",
  waitAlert: "正在验证，请稍候…",
};

/** what the live region announces: worded apart from the widget's label, which changes too */
const ANNOUNCE: Partial<Record<ProofState, string>> = {
  verifying: "人机验证进行中，请稍候。",
  verified: "人机验证完成，可以提交了。",
  expired: "人机验证超时，请重新勾选“我不是机器人”。",
  error: "人机验证没有成功，请重新勾选“我不是机器人”。",
};

let loading: Promise<void> | undefined;
/** The widget without its bundled blob: workers and inline styles, registered once per page. */
function loadAltcha(): Promise<void> {
  return (loading ??= import("altcha/external").then(() => {
    $altcha.i18n.set("zh-cn", STRINGS);
    $altcha.algorithms.set(
      "PBKDF2/SHA-256",
      () => new Worker(new URL("./proof-of-work.worker.ts", import.meta.url), { type: "module" }),
    );
  }));
}

type Props = { form: "comment"; onStateChange?: (state: ProofState) => void };

export function ProofOfWork({ form, onStateChange }: Props) {
  const ref = useRef<HTMLElement>(null);
  const [state, setState] = useState<ProofState>("unverified");
  const [ready, setReady] = useState(false);
  const onChange = useRef(onStateChange);
  useEffect(() => {
    onChange.current = onStateChange;
  }, [onStateChange]);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    let live = true;
    const listener = (e: Event) => {
      const next = (e as CustomEvent<{ state: ProofState }>).detail.state;
      setState(next);
      onChange.current?.(next);
    };
    el.addEventListener("statechange", listener);
    loadAltcha()
      .then(() => live && setReady(true))
      .catch(() => live && setState("error"));
    return () => {
      live = false;
      el.removeEventListener("statechange", listener);
    };
  }, []);

  return (
    <div aria-busy={!ready || state === "verifying"}>
      <altcha-widget
        ref={ref}
        challenge={`/api/altcha/challenge?form=${form}`}
        name="altcha"
        language="zh-cn"
        auto="off"
        type="checkbox"
        configuration={JSON.stringify({
          hideFooter: true,
          hideLogo: true,
          // no pointer or scroll tracking: the work alone is the proof here
          humanInteractionSignature: false,
          credentials: "same-origin",
          validationMessage: "请先勾选“我不是机器人”完成人机验证。",
        })}
        suppressHydrationWarning
      />
      <p className="sr-only" aria-live="polite">
        {ANNOUNCE[state] ?? ""}
      </p>
    </div>
  );
}
