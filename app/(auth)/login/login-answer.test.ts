import { describe, expect, it } from "vitest";
import {
  ACCOUNT_SUSPENDED_MESSAGE,
  CAPTCHA_NEEDED_MESSAGE,
  CAPTCHA_WRONG_MESSAGE,
  INVALID_CREDENTIALS_MESSAGE,
} from "../form-state";
import { loginAnswer } from "./login-answer";

describe("loginAnswer", () => {
  it("turns a held sign-in into the 动态口令 prompt", () => {
    expect(loginAnswer({ reason: "otp_required" }, false)).toMatchObject({
      error: { message: expect.stringContaining("动态口令") },
      needsOtp: true,
    });
    expect(loginAnswer({ reason: "otp_invalid" }, false).error?.fieldErrors?.otp).toHaveLength(1);
    expect(loginAnswer({ reason: "otp_blocked" }, false).error?.code).toBe("RATE_LIMITED");
  });

  it("gives one message for every plain refusal, and the suspension its own", () => {
    expect(loginAnswer({ reason: "invalid" }, false)).toEqual({
      error: { code: "INVALID", message: INVALID_CREDENTIALS_MESSAGE },
      needsCaptcha: undefined,
    });
    expect(loginAnswer({ reason: "suspended" }, false)).toEqual({
      error: { code: "FORBIDDEN", message: ACCOUNT_SUSPENDED_MESSAGE },
    });
  });

  it("says how long a block lasts, and asks for the captcha once the account needs one", () => {
    expect(loginAnswer({ reason: "invalid", retryAfterSeconds: 600 }, false).error).toMatchObject({
      code: "RATE_LIMITED",
      message: expect.stringContaining("10 分钟"),
    });
    expect(loginAnswer({ reason: "invalid", captchaRequired: true, captchaFailed: true }, false)).toEqual({
      error: { code: "INVALID", message: CAPTCHA_NEEDED_MESSAGE, fieldErrors: undefined },
      needsCaptcha: true,
    });
    expect(
      loginAnswer({ reason: "invalid", captchaRequired: true, captchaFailed: true }, true).error,
    ).toEqual({
      code: "INVALID",
      message: CAPTCHA_WRONG_MESSAGE,
      fieldErrors: { captchaAnswer: [CAPTCHA_WRONG_MESSAGE] },
    });
  });
});
