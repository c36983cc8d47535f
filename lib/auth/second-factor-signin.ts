import { CredentialsSignin } from "next-auth";
import type { ActionError } from "@/lib/errors";

/**
 * A sign-in held at the second step. Thrown by authorize() only after a correct password, so
 * "a code is needed" tells nothing to someone guessing passwords. The login action turns it
 * into what the form shows (secondFactorError) and reveals the 动态口令 field.
 */
type Reason = "required" | "invalid" | "blocked";
const CODES: Record<Reason, string> = {
  required: "otp_required",
  invalid: "otp_invalid",
  blocked: "otp_blocked",
};

export class SecondFactorSignin extends CredentialsSignin {
  constructor(reason: Reason) {
    super();
    this.code = CODES[reason];
  }
}

const MESSAGES: Record<Reason, ActionError> = {
  required: {
    code: "INVALID",
    message: "该账号已开启两步验证。请再次输入密码，并填写身份验证器中的 6 位动态口令（或一个恢复码）。",
  },
  invalid: {
    code: "INVALID",
    message:
      "动态口令不正确或已经用过。请再次输入密码，并填写身份验证器中当前显示的 6 位数字（或一个未用过的恢复码）。",
    fieldErrors: { otp: ["动态口令不正确或已经用过。"] },
  },
  blocked: {
    code: "RATE_LIMITED",
    message: "动态口令错误次数过多，为保护账号已暂停验证，请 15 分钟后再试。",
  },
};

/** The form's answer for a sign-in held at the second step, or null for any other error. */
export function secondFactorError(e: unknown): ActionError | null {
  const code = (e as { code?: unknown } | null)?.code;
  const reason = (Object.keys(CODES) as Reason[]).find((r) => CODES[r] === code);
  return reason ? MESSAGES[reason] : null;
}
