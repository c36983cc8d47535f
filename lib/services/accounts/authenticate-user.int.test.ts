import { describe, expect, it } from "vitest";
import { hashPassword, PRODUCTION_PARAMS } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { createUser, TEST_PASSWORD, uid } from "@/lib/test/factories";
import { authenticateUser } from "./authenticate-user";

describe("authenticateUser", () => {
  it("signs in with the right password, case-insensitively on the email, and records it", async () => {
    const user = await createUser({ role: "TRANSLATOR", email: `lin-${uid()}@example.com` });
    const result = await authenticateUser({ email: ` ${user.email.toUpperCase()} `, password: TEST_PASSWORD });
    expect(result).toEqual({ ok: true, user: { id: user.id, role: "TRANSLATOR", sessionVersion: 1 } });
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id }, include: { auditLogs: true } });
    expect(after.lastLoginAt).not.toBeNull();
    expect(after.auditLogs.map((a) => a.action)).toEqual(["auth.login"]);
  });

  it("gives the same answer for a wrong password, an unknown email and malformed input", async () => {
    const user = await createUser();
    expect(await authenticateUser({ email: user.email, password: "wrong password" })).toEqual({ ok: false, reason: "invalid" });
    expect(await authenticateUser({ email: `nobody-${uid()}@example.com`, password: TEST_PASSWORD })).toEqual({ ok: false, reason: "invalid" });
    expect(await authenticateUser({ email: user.email })).toEqual({ ok: false, reason: "invalid" });
    expect(await authenticateUser(null)).toEqual({ ok: false, reason: "invalid" });
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.lastLoginAt).toBeNull();
  });

  it("reports a suspension only after the correct password", async () => {
    const user = await createUser();
    await db.user.update({ where: { id: user.id }, data: { status: "SUSPENDED" } });
    expect(await authenticateUser({ email: user.email, password: "wrong password" })).toEqual({ ok: false, reason: "invalid" });
    expect(await authenticateUser({ email: user.email, password: TEST_PASSWORD })).toEqual({ ok: false, reason: "suspended" });
  });

  it("upgrades a hash made with other parameters on a successful login", async () => {
    // integration runs use the cheap test parameters, so a production-parameter hash counts as "other"
    const user = await createUser({ passwordHash: await hashPassword(TEST_PASSWORD, PRODUCTION_PARAMS) });
    await authenticateUser({ email: user.email, password: TEST_PASSWORD });
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.passwordHash.startsWith("$argon2id$v=19$m=1024,t=1,p=1$")).toBe(true);
    expect((await authenticateUser({ email: user.email, password: TEST_PASSWORD })).ok).toBe(true);
  });
});
