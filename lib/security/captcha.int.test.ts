import { describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { captchaSvg, newCaptchaToken, verifyCaptcha } from "./captcha";
import { openCaptcha, sealCaptcha } from "./captcha-token";

// integration runs have no AUTH_SECRET; give this file one (env() is parsed lazily, on first use)
process.env.AUTH_SECRET ??= "test-secret-for-captcha-integration-0123456789";

function answerOf(token: string): string {
  const secret = env().AUTH_SECRET;
  if (secret) return openCaptcha(token, secret)!.answer;
  throw new Error("set AUTH_SECRET for this test");
}

describe("captcha", () => {
  it("accepts the right answer once, case-insensitively, and never again", async () => {
    const token = newCaptchaToken();
    const answer = answerOf(token);
    expect(answer).toMatch(/^[A-HJ-NP-Z2-9]{5}$/);
    expect(captchaSvg(token)).toMatch(/^<svg /);
    expect(await verifyCaptcha(token, ` ${answer.toLowerCase()} `)).toBe(true);
    expect(await verifyCaptcha(token, answer)).toBe(false);
  });

  it("spends the captcha on a wrong answer: one guess per picture", async () => {
    const token = newCaptchaToken();
    expect(await verifyCaptcha(token, "XXXXX")).toBe(false);
    expect(await verifyCaptcha(token, answerOf(token))).toBe(false);
  });

  it("expires after 10 minutes", async () => {
    const t = Date.now();
    const token = newCaptchaToken(t);
    expect(captchaSvg(token, t + 10 * 60_000)).toBeNull();
    expect(await verifyCaptcha(token, answerOf(token), { now: () => t + 10 * 60_000 })).toBe(false);
  });

  it("refuses forged or foreign tokens and missing fields", async () => {
    const foreign = sealCaptcha(
      { id: "forged0000000000", exp: Date.now() + 60_000, answer: "AAAAA" },
      "another secret",
    );
    expect(await verifyCaptcha(foreign, "AAAAA")).toBe(false);
    const token = newCaptchaToken();
    const tampered = token.slice(0, -2) + (token.endsWith("AA") ? "BB" : "AA");
    expect(await verifyCaptcha(tampered, answerOf(token))).toBe(false);
    expect(await verifyCaptcha(undefined, "AAAAA")).toBe(false);
    expect(await verifyCaptcha(token, undefined)).toBe(false);
  });
});
