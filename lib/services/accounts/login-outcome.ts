import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Auth.js reduces every refused sign-in to one CredentialsSignin error. The login action needs
 * to know a little more (blocked until when, captcha needed) to tell the visitor what to do, so
 * authenticateUser leaves the details here for the action running around signIn(). Nothing in
 * it distinguishes a wrong password from an unknown email.
 */
export type LoginOutcome = { retryAfterSeconds?: number; captchaRequired?: boolean; captchaFailed?: boolean };

const storage = new AsyncLocalStorage<LoginOutcome>();

export async function captureLoginOutcome<T>(
  fn: () => Promise<T>,
): Promise<{ outcome: LoginOutcome; result?: T; error?: unknown }> {
  const outcome: LoginOutcome = {};
  try {
    const result = await storage.run(outcome, fn);
    return { outcome, result };
  } catch (error) {
    return { outcome, error };
  }
}

export function noteLoginOutcome(patch: LoginOutcome): void {
  const o = storage.getStore();
  if (o) Object.assign(o, patch);
}
