import type { ActionError, ActionResult } from "@/lib/errors";

// Imported by the client forms: keep it free of server code (helpers for actions: action-helpers.ts).

/** What the auth actions hand back to their forms (useActionState). */
export type AuthFormState = {
  error?: ActionError;
  /** echoed so a failed submit keeps what was typed; passwords are never echoed */
  values?: { email?: string; displayName?: string };
  /** login: this account must solve a captcha before its next attempt */
  needsCaptcha?: boolean;
  /** a notice to show instead of the form's default text (forgot password: "已发送") */
  notice?: string;
  /** login: the password was right and the account has 2FA: show the 动态口令 field */
  needsOtp?: boolean;
};

/**
 * The secure wrapper answers with ActionResult: its own refusals (foreign Origin, unknown fields)
 * come back as { ok: false }, and our handlers always return a form state as data.
 */
export type AuthActionState = ActionResult<AuthFormState>;
export const INITIAL_AUTH_STATE: AuthActionState = { ok: true, data: {} };
export const viewOf = (s: AuthActionState): AuthFormState => (s.ok ? s.data : { error: s.error });

/** The one answer for unknown email, wrong password and malformed input alike. */
export const INVALID_CREDENTIALS_MESSAGE = "邮箱或密码错误";
/** Only shown after a correct password, so it does not help anyone guess. */
export const ACCOUNT_SUSPENDED_MESSAGE = "账号已被停用，如有疑问请联系编辑部。";
export const CAPTCHA_WRONG_MESSAGE = "图形验证码不正确或已过期，请看新的图片重新输入。";
export const CAPTCHA_NEEDED_MESSAGE = "这个账号近期登录失败较多，为保护账号安全，请先输入图形验证码。";
/** The same notice for every well-formed address, registered or not (no account enumeration). */
export const FORGOT_NOTICE =
  "如果该邮箱已注册，我们已向它发送了重置密码的链接，30 分钟内有效。没有收到请检查垃圾邮件，或稍后重新申请。";
