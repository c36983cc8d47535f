import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { verifyPassword } from "@/lib/auth/crypto/password";
import { db } from "@/lib/db";
import { createUser, TEST_PASSWORD, uid } from "@/lib/test/factories";
import { AppError } from "@/lib/errors";
import { RateLimiter } from "@/lib/security/rate-limit";
import { registerUser } from "./register-user";

/** its own address per call unless shared on purpose: the 5-an-hour limit is per IP */
const from = (ip = `10.1.${uid(2)}.${uid(3)}`) => ({ ip, limiter: new RateLimiter() });

const input = (over: Partial<{ email: string; displayName: string; password: string }> = {}) => ({
  email: `New-${uid()}@Example.COM`,
  displayName: "新读者",
  password: "  a passphrase with spaces  ",
  ...over,
});

describe("registerUser", () => {
  it("creates a READER with a lower-cased email, a profile with a short publicId, and an audit entry", async () => {
    const data = input();
    const result = await registerUser(data, from());
    expect(result.outcome).toBe("created");
    const user = await db.user.findUniqueOrThrow({
      where: { email: data.email.toLowerCase() },
      include: { profile: true, auditLogs: true },
    });
    expect(user.role).toBe("READER");
    expect(user.status).toBe("ACTIVE");
    expect(user.profile?.displayName).toBe("新读者");
    expect(user.profile?.publicId).toMatch(/^[a-z][0-9a-z]{5}$/);
    expect(user.auditLogs.map((a) => a.action)).toEqual(["account.register"]);
    // the password is stored exactly as typed: never trimmed
    expect(await verifyPassword(user.passwordHash, data.password)).toBe(true);
    expect(await verifyPassword(user.passwordHash, data.password.trim())).toBe(false);
  });

  it("ignores role, status and viewCount smuggled into the input: a new account is always an active READER", async () => {
    const data = { ...input(), role: "ADMIN", status: "SUSPENDED", viewCount: 99, sessionVersion: 7 };
    const outcome = await registerUser(data, from()).then(
      (r) => r.outcome,
      () => "refused",
    );
    const user = await db.user.findUnique({ where: { email: data.email.toLowerCase() } });
    if (outcome === "refused") expect(user).toBeNull();
    else {
      expect(outcome).toBe("created");
      expect(user).toMatchObject({ role: "READER", status: "ACTIVE", sessionVersion: 1 });
    }
  });

  it("answers an existing email (in any case) without creating or changing anything", async () => {
    const existing = await createUser({ email: `taken-${uid()}@example.com` });
    const before = await db.user.count();
    const result = await registerUser(
      input({ email: existing.email.toUpperCase(), password: "another quiet harbour at noon" }),
      from(),
    );
    expect(result).toEqual({ outcome: "exists" });
    expect(await db.user.count()).toBe(before);
    const after = await db.user.findUniqueOrThrow({ where: { id: existing.id } });
    expect(after.passwordHash).toBe(existing.passwordHash);
    expect(await verifyPassword(after.passwordHash, TEST_PASSWORD)).toBe(true);
  });

  it("creates exactly one account when the same email registers twice at once", async () => {
    const data = input();
    const results = await Promise.all([
      registerUser(data, from()),
      registerUser({ ...data, displayName: "另一个" }, from()),
    ]);
    expect(results.map((r) => r.outcome).sort()).toEqual(["created", "exists"]);
    expect(await db.user.count({ where: { email: data.email.toLowerCase() } })).toBe(1);
  });

  it("refuses invalid input with zh-CN field errors and creates nothing", async () => {
    const data = input({ displayName: "坏\u0000名字", password: "short" });
    const error = await registerUser(data, from()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZodError);
    const fields = (error as ZodError).issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(fields).toEqual([
      "displayName: 内容包含无法识别的字符（如空字符或不完整的表情符号），请删除后重试。",
      "password: 至少需要 10 个字符。",
    ]);
    expect(await db.user.count({ where: { email: data.email.toLowerCase() } })).toBe(0);
  });

  it("refuses a guessable password the same way for a new and an existing email", async () => {
    const existing = await createUser({ email: `known-${uid()}@example.com` });
    const errors = await Promise.all(
      [existing.email, `fresh-${uid()}@example.com`].map((email) =>
        registerUser(input({ email, password: "password1234" }), from()).catch((e: unknown) => e),
      ),
    );
    for (const e of errors) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).fieldErrors?.password?.[0]).toContain("常见密码");
    }
    expect((errors[0] as AppError).message).toBe((errors[1] as AppError).message);
  });

  it("allows 5 registrations an hour from one address, then says when to retry", async () => {
    const t = Date.UTC(2030, 0, 1);
    const ctx = { ip: `10.2.${uid(2)}.${uid(3)}`, limiter: new RateLimiter(undefined, () => t) };
    for (let i = 0; i < 5; i++) expect((await registerUser(input(), ctx)).outcome).toBe("created");
    const email = `sixth-${uid()}@example.com`;
    const error = await registerUser(input({ email }), ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("RATE_LIMITED");
    expect((error as AppError).message).toBe("注册过于频繁，请在 1 小时后再试。");
    expect(await db.user.count({ where: { email } })).toBe(0);
  });
});
