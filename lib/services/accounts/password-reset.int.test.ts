import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "@/lib/auth/crypto/password";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { readMailDir, resetLinkOf } from "@/lib/mail/read-mail-dir";
import { RateLimiter } from "@/lib/security/rate-limit";
import { createUser, TEST_PASSWORD, uid } from "@/lib/test/factories";
import { changePassword } from "./change-password";
import { hashResetToken } from "./password-reset-token";
import { requestPasswordReset } from "./request-password-reset";
import { resetPassword } from "./reset-password";

const NEW_PASSWORD = "lantern orchard beneath quiet snow";
const ctx = () => ({ ip: `10.3.${uid(2)}.${uid(3)}`, limiter: new RateLimiter() });

async function mailedToken(email: string): Promise<string> {
  const [mail] = await readMailDir(env().MAIL_DIR, email);
  const link = resetLinkOf(mail?.text ?? "");
  expect(mail?.subject).toBe("重置你的署名 Byline 密码");
  expect(link).toMatch(/\/reset-password\?token=/);
  return new URL(link!).searchParams.get("token")!;
}

const errorOf = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e as AppError,
  );

describe("password reset", () => {
  it("mails a single-use link, stores only its sha256, and ends all sessions when used", async () => {
    const user = await createUser({ email: `reset-${uid()}@example.com` });
    await (
      await requestPasswordReset({ email: user.email.toUpperCase() }, ctx())
    ).delivery;
    const token = await mailedToken(user.email);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 random bytes

    const rows = await db.passwordResetToken.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).toBe(hashResetToken(token));
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(rows[0]!.expiresAt.getTime() - rows[0]!.createdAt.getTime()).toBeCloseTo(30 * 60_000, -4);

    await resetPassword({ token, password: NEW_PASSWORD });
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.sessionVersion).toBe(user.sessionVersion + 1);
    expect(await verifyPassword(after.passwordHash, NEW_PASSWORD)).toBe(true);
    expect(await verifyPassword(after.passwordHash, TEST_PASSWORD)).toBe(false);

    const again = await errorOf(resetPassword({ token, password: "another lantern for the road" }));
    expect(again?.message).toBe("重置链接无效、已使用或已过期，请重新申请。");
  });

  it("refuses a link after 30 minutes", async () => {
    const user = await createUser({ email: `late-${uid()}@example.com` });
    await (
      await requestPasswordReset({ email: user.email }, ctx())
    ).delivery;
    const token = await mailedToken(user.email);
    const in31min = () => Date.now() + 31 * 60_000;
    expect((await errorOf(resetPassword({ token, password: NEW_PASSWORD }, in31min)))?.code).toBe("INVALID");
    const untouched = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(untouched.passwordHash).toBe(user.passwordHash);
  });

  it("spends every other outstanding link of the user when one is used", async () => {
    const user = await createUser({ email: `two-${uid()}@example.com` });
    const c = ctx();
    await (
      await requestPasswordReset({ email: user.email }, c)
    ).delivery;
    const first = await mailedToken(user.email);
    await (
      await requestPasswordReset({ email: user.email }, c)
    ).delivery;
    const second = await mailedToken(user.email);
    expect(second).not.toBe(first);
    await resetPassword({ token: second, password: NEW_PASSWORD });
    expect(
      (await errorOf(resetPassword({ token: first, password: "yet another lantern glowing" })))?.code,
    ).toBe("INVALID");
  });

  it("applies the password policy with the user's role (staff need 12 characters)", async () => {
    const user = await createUser({ role: "EDITOR", email: `staff-${uid()}@example.com` });
    await (
      await requestPasswordReset({ email: user.email }, ctx())
    ).delivery;
    const token = await mailedToken(user.email);
    const e = await errorOf(resetPassword({ token, password: "Tq8#zLp2Wm" }));
    expect(e?.fieldErrors?.password).toEqual(["密码至少需要 12 个字符（编辑部成员账号）。"]);
    // a refused password does not spend the link
    await resetPassword({ token, password: NEW_PASSWORD });
  });

  it("answers an unknown address exactly like a known one, and limits both the same way", async () => {
    const known = await createUser({ email: `known-${uid()}@example.com` });
    const unknown = `nobody-${uid()}@example.com`;
    for (const email of [known.email, unknown]) {
      const c = ctx();
      for (let i = 0; i < 5; i++)
        expect(
          await requestPasswordReset({ email }, { ip: `10.4.${i}.${uid(3)}`, limiter: c.limiter }),
        ).toEqual({ delivery: expect.any(Promise) });
      const sixth = await errorOf(requestPasswordReset({ email }, c));
      expect(sixth?.code).toBe("RATE_LIMITED");
      expect(sixth?.message).toMatch(/^重置请求过于频繁，请在 .+后再试。$/);
    }
    expect(await db.passwordResetToken.count({ where: { user: { email: unknown } } })).toBe(0);
  });

  it("allows 20 requests an hour per IP", async () => {
    const c = ctx();
    for (let i = 0; i < 20; i++) await requestPasswordReset({ email: `spray-${i}-${uid()}@example.com` }, c);
    expect((await errorOf(requestPasswordReset({ email: `spray-x-${uid()}@example.com` }, c)))?.code).toBe(
      "RATE_LIMITED",
    );
  });
});

describe("changePassword", () => {
  const actorOf = (u: Awaited<ReturnType<typeof createUser>>) => ({
    id: u.id,
    role: u.role,
    status: u.status,
    displayName: "x",
    publicId: "x",
  });

  it("needs the current password, then bumps sessionVersion so other sessions end", async () => {
    const user = await createUser({ email: `change-${uid()}@example.com` });
    const wrong = await errorOf(
      changePassword(actorOf(user), { currentPassword: "not it", newPassword: NEW_PASSWORD }, ctx()),
    );
    expect(wrong?.fieldErrors).toEqual({ currentPassword: ["当前密码不正确。"] });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(1);

    expect(
      await changePassword(
        actorOf(user),
        { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD },
        ctx(),
      ),
    ).toEqual({ email: user.email });
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id }, include: { auditLogs: true } });
    expect(after.sessionVersion).toBe(2);
    expect(await verifyPassword(after.passwordHash, NEW_PASSWORD)).toBe(true);
    expect(after.auditLogs.map((a) => a.action)).toContain("account.passwordChange");
  });

  it("refuses a weak new password or one containing the email, and changes nothing", async () => {
    const user = await createUser({
      email: `weak-${uid()}@example.com`,
      passwordHash: await hashPassword(TEST_PASSWORD),
    });
    for (const newPassword of ["password1234", `my ${user.email.split("@")[0]} forever`]) {
      const e = await errorOf(
        changePassword(actorOf(user), { currentPassword: TEST_PASSWORD, newPassword }, ctx()),
      );
      expect(e?.fieldErrors?.newPassword?.length).toBe(1);
    }
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.sessionVersion).toBe(1);
  });

  it("blocks guessing the current password like a login (5 failures per account and IP)", async () => {
    const user = await createUser({ email: `guess-${uid()}@example.com` });
    const c = ctx();
    for (let i = 0; i < 5; i++)
      await errorOf(
        changePassword(actorOf(user), { currentPassword: `guess ${i}`, newPassword: NEW_PASSWORD }, c),
      );
    const blocked = await errorOf(
      changePassword(actorOf(user), { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD }, c),
    );
    expect(blocked?.code).toBe("RATE_LIMITED");
  });
});
