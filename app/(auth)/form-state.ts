import type { ActionError } from "@/lib/errors";

/** What the login and register actions hand back to their forms (useActionState). */
export type AuthFormState = {
  error?: ActionError;
  /** echoed so a failed submit keeps what was typed; passwords are never echoed */
  values?: { email?: string; displayName?: string };
  /** login: the password was right and the account has 2FA: show the 动态口令 field */
  needsOtp?: boolean;
};

/** The one answer for unknown email, wrong password and malformed input alike. */
export const INVALID_CREDENTIALS_MESSAGE = "邮箱或密码错误";
/** Only shown after a correct password, so it does not help anyone guess. */
export const ACCOUNT_SUSPENDED_MESSAGE = "账号已被停用，如有疑问请联系编辑部。";

export function formText(formData: FormData, name: string, max = 300): string {
  const v = formData.get(name);
  return typeof v === "string" ? v.slice(0, max) : "";
}
