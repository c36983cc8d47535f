import type { LoginRefusal } from "@/lib/auth/login-refusal";
import type { ActionError } from "@/lib/errors";
import { toActionError } from "@/lib/errors";
import { rateLimitedError } from "@/lib/security/rate-limit-rules";
import {
  ACCOUNT_SUSPENDED_MESSAGE,
  CAPTCHA_NEEDED_MESSAGE,
  CAPTCHA_WRONG_MESSAGE,
  INVALID_CREDENTIALS_MESSAGE,
  type AuthFormState,
} from "../form-state";

const SECOND_FACTOR: Record<"otp_required" | "otp_invalid" | "otp_blocked", ActionError> = {
  otp_required: {
    code: "INVALID",
    message: "该账号已开启两步验证。请再次输入密码，并填写身份验证器中的 6 位动态口令（或一个恢复码）。",
  },
  otp_invalid: {
    code: "INVALID",
    message:
      "动态口令不正确或已经用过。请再次输入密码，并填写身份验证器中当前显示的 6 位数字（或一个未用过的恢复码）。",
    fieldErrors: { otp: ["动态口令不正确或已经用过。"] },
  },
  otp_blocked: {
    code: "RATE_LIMITED",
    message: "动态口令错误次数过多，为保护账号已暂停验证，请 15 分钟后再试。",
  },
};

/**
 * What the login form shows for a refused sign-in: the message, and which extra field to reveal
 * (the 动态口令 after a correct password, the captcha once the account needs one).
 */
export function loginAnswer(refusal: LoginRefusal, triedCaptcha: boolean): Omit<AuthFormState, "values"> {
  switch (refusal.reason) {
    case "otp_required":
    case "otp_invalid":
    case "otp_blocked":
      return { error: SECOND_FACTOR[refusal.reason], needsOtp: true };
    case "suspended":
      return { error: { code: "FORBIDDEN", message: ACCOUNT_SUSPENDED_MESSAGE } };
    case "invalid":
      return { error: invalidError(refusal, triedCaptcha), needsCaptcha: refusal.captchaRequired };
  }
}

function invalidError(
  refusal: Extract<LoginRefusal, { reason: "invalid" }>,
  triedCaptcha: boolean,
): ActionError {
  if (refusal.retryAfterSeconds) return toActionError(rateLimitedError(refusal.retryAfterSeconds));
  if (refusal.captchaFailed) {
    const message = triedCaptcha ? CAPTCHA_WRONG_MESSAGE : CAPTCHA_NEEDED_MESSAGE;
    return { code: "INVALID", message, fieldErrors: triedCaptcha ? { captchaAnswer: [message] } : undefined };
  }
  return { code: "INVALID", message: INVALID_CREDENTIALS_MESSAGE };
}
