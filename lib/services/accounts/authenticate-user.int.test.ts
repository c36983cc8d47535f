import { describe, expect, it } from "vitest";
import { hashPassword, PRODUCTION_PARAMS } from "@/lib/auth/crypto/password";
import { db } from "@/lib/db";
import { createUser, TEST_PASSWORD, uid } from "@/lib/test/factories";
import { RateLimiter } from "@/lib/security/rate-limit";
import { authenticateUser, type AuthenticateResult } from "./authenticate-user";

const MIN = 60_000;
/** each test signs in from its own address, so counters never leak between tests */
const fresh = () => {
  let t = Date.UTC(2030, 0, 1);
  return {
    ip: `10.0.${Math.floor(Math.random() * 250)}.${uid(3)}`,
    limiter: new RateLimiter(undefined, () => t),
    advance: (ms: number) => (t += ms),
  };
};

/** The hints a refusal carries; none for a success or a suspension. */
const hintsOf = (r: AuthenticateResult): { retryAfterSeconds?: number; captchaRequired?: boolean } =>
  !r.ok && r.reason === "invalid" ? r : {};
const waitOf = (r: AuthenticateResult) => hintsOf(r).retryAfterSeconds;

describe("authenticateUser", () => {
  it("signs in with the right password, case-insensitively on the email, and records it", async () => {
    const user = await createUser({ role: "TRANSLATOR", email: `lin-${uid()}@example.com` });
    const result = await authenticateUser(
      { email: ` ${user.email.toUpperCase()} `, password: TEST_PASSWORD },
      fresh(),
    );
    expect(result).toEqual({ ok: true, user: { id: user.id, role: "TRANSLATOR", sessionVersion: 1 } });
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id }, include: { auditLogs: true } });
    expect(after.lastLoginAt).not.toBeNull();
    expect(after.auditLogs.map((a) => a.action)).toEqual(["auth.login"]);
  });

  it("gives the same answer for a wrong password, an unknown email and malformed input", async () => {
    const user = await createUser();
    const ctx = fresh();
    expect(await authenticateUser({ email: user.email, password: "wrong password" }, ctx)).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(
      await authenticateUser({ email: `nobody-${uid()}@example.com`, password: TEST_PASSWORD }, ctx),
    ).toEqual({ ok: false, reason: "invalid" });
    expect(await authenticateUser({ email: user.email }, ctx)).toEqual({ ok: false, reason: "invalid" });
    expect(await authenticateUser(null, ctx)).toEqual({ ok: false, reason: "invalid" });
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.lastLoginAt).toBeNull();
  });

  it("never signs in an API token's integration user, even one given a real password by hand", async () => {
    const user = await createUser({ role: "EDITOR" });
    await db.user.update({ where: { id: user.id }, data: { isIntegration: true } });
    const result = await authenticateUser({ email: user.email, password: TEST_PASSWORD }, fresh());
    expect(result).toMatchObject({ ok: false, reason: "invalid" });
  });

  it("reports a suspension only after the correct password", async () => {
    const user = await createUser();
    await db.user.update({ where: { id: user.id }, data: { status: "SUSPENDED" } });
    const ctx = fresh();
    expect(await authenticateUser({ email: user.email, password: "wrong password" }, ctx)).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(await authenticateUser({ email: user.email, password: TEST_PASSWORD }, ctx)).toEqual({
      ok: false,
      reason: "suspended",
    });
  });

  it("upgrades a hash made with other parameters on a successful login", async () => {
    // integration runs use the cheap test parameters, so a production-parameter hash counts as "other"
    const user = await createUser({ passwordHash: await hashPassword(TEST_PASSWORD, PRODUCTION_PARAMS) });
    const ctx = fresh();
    await authenticateUser({ email: user.email, password: TEST_PASSWORD }, ctx);
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.passwordHash.startsWith("$argon2id$v=19$m=1024,t=1,p=1$")).toBe(true);
    expect((await authenticateUser({ email: user.email, password: TEST_PASSWORD }, ctx)).ok).toBe(true);
  });

  it("refuses the 6th attempt within the window even with the right password, and lifts the block after its wait", async () => {
    const user = await createUser();
    const ctx = fresh();
    for (let i = 0; i < 4; i++)
      expect((await authenticateUser({ email: user.email, password: `wrong ${i}` }, ctx)).ok).toBe(false);
    const fifth = await authenticateUser({ email: user.email, password: "wrong 4" }, ctx);
    expect(waitOf(fifth)).toBe(600);
    const sixth = await authenticateUser({ email: user.email, password: TEST_PASSWORD }, ctx);
    // still the one "invalid" answer: the wait is the only thing it adds
    expect(sixth).toEqual({ ok: false, reason: "invalid", retryAfterSeconds: 600 });
    expect(waitOf(sixth)).toBe(600);
    // the same account from another address is not blocked by this one's failures
    expect(
      (
        await authenticateUser(
          { email: user.email, password: TEST_PASSWORD },
          { ...fresh(), limiter: ctx.limiter },
        )
      ).ok,
    ).toBe(true);

    ctx.advance(9 * MIN);
    const still = await authenticateUser({ email: user.email, password: TEST_PASSWORD }, ctx);
    expect(waitOf(still)).toBe(60);
    ctx.advance(1 * MIN);
    expect((await authenticateUser({ email: user.email, password: TEST_PASSWORD }, ctx)).ok).toBe(true);
    // the success reset the counter: five fresh failures before the next block
    for (let i = 0; i < 4; i++) await authenticateUser({ email: user.email, password: "wrong" }, ctx);
    expect((await authenticateUser({ email: user.email, password: TEST_PASSWORD }, ctx)).ok).toBe(true);
  });

  it("blocks an unknown email exactly like a known one", async () => {
    const ctx = fresh();
    const email = `ghost-${uid()}@example.com`;
    for (let i = 0; i < 5; i++) await authenticateUser({ email, password: "guess" }, ctx);
    const sixth = await authenticateUser({ email, password: "guess" }, ctx);
    expect(waitOf(sixth)).toBe(600);
  });

  it("asks for a captcha after 20 failures on one account in an hour, from any address", async () => {
    const user = await createUser();
    const limiter = fresh().limiter;
    for (let i = 0; i < 20; i++) {
      const r = await authenticateUser(
        { email: user.email, password: "wrong" },
        { ip: `10.9.${i}.${uid(3)}`, limiter },
      );
      expect(hintsOf(r).captchaRequired ?? false).toBe(i === 19);
    }
    const noCaptcha = await authenticateUser(
      { email: user.email, password: TEST_PASSWORD },
      { ip: "10.8.0.1", limiter },
    );
    expect(noCaptcha).toEqual({ ok: false, reason: "invalid", captchaRequired: true, captchaFailed: true });
    expect(noCaptcha).toMatchObject({ captchaRequired: true, captchaFailed: true });
  });

  it("refuses a 31st distinct account from one address within 12 hours", async () => {
    const ctx = fresh();
    for (let i = 0; i < 30; i++)
      await authenticateUser({ email: `spray-${i}-${uid()}@example.com`, password: "Summer2030!" }, ctx);
    const next = await authenticateUser(
      { email: `spray-x-${uid()}@example.com`, password: "Summer2030!" },
      ctx,
    );
    expect(waitOf(next)).toBe(12 * 3600);
    ctx.advance(12 * 60 * MIN);
    const later = await authenticateUser(
      { email: `spray-y-${uid()}@example.com`, password: "Summer2030!" },
      ctx,
    );
    expect(waitOf(later)).toBeUndefined();
  });

  it("refuses the 101st auth request from one address in an hour", async () => {
    const ctx = fresh();
    const user = await createUser();
    for (let i = 0; i < 100; i++) {
      // alternate success and failure so the account+IP block never starts
      await authenticateUser({ email: user.email, password: i % 4 === 3 ? TEST_PASSWORD : "wrong" }, ctx);
    }
    const r = await authenticateUser({ email: user.email, password: TEST_PASSWORD }, ctx);
    expect(waitOf(r)).toBe(3600);
  });
});
