import { generate } from "otplib";
import { afterAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createUser, TEST_PASSWORD } from "@/lib/test/factories";

vi.hoisted(() => {
  process.env.AUTH_SECRET ??= "integration-test-secret-".padEnd(43, "x");
});

const { beginTwoFactorSetup } = await import("./begin-two-factor-setup");
const { checkSignInFactor, FACTOR_BLOCK_MS } = await import("./check-sign-in-factor");
const { confirmTwoFactorSetup } = await import("./confirm-two-factor-setup");
const { disableTwoFactor } = await import("./disable-two-factor");
const { getTwoFactorStatus } = await import("./get-two-factor-status");
const { regenerateRecoveryCodes } = await import("./regenerate-recovery-codes");
const { isStaffTotpRequired, mustEnrolTotp, REQUIRE_STAFF_TOTP_KEY } = await import("@/lib/auth/totp-policy");

const T0 = new Date(Date.UTC(2026, 10, 29, 4, 0, 0)); // on a 30 s boundary
const at = (ms: number) => new Date(T0.getTime() + ms);
const codeAt = (secret: string, d: Date) => generate({ secret, epoch: Math.floor(d.getTime() / 1000) });

async function staff(role: "EDITOR" | "READER" = "EDITOR"): Promise<Actor> {
  const u = await createUser({ role });
  return {
    id: u.id,
    role: u.role,
    status: u.status,
    displayName: u.profile!.displayName,
    publicId: u.profile!.publicId,
  };
}

async function errorOf(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

/** Begins setup and returns the secret the page would show. */
async function pendingSecret(actor: Actor): Promise<string> {
  await beginTwoFactorSetup(actor);
  const status = await getTwoFactorStatus(actor);
  if (status.state !== "pending") throw new Error(`expected pending, got ${status.state}`);
  expect(status.qrSvg).toMatch(/^<svg/);
  return status.secret;
}

async function enabled(actor: Actor) {
  const secret = await pendingSecret(actor);
  const codes = await confirmTwoFactorSetup(actor, { code: await codeAt(secret, T0) }, T0);
  return { secret, codes };
}

describe("enabling two-step verification", () => {
  it("needs a valid code from the app, and only then mints ten recovery codes", async () => {
    const actor = await staff();
    const secret = await pendingSecret(actor);
    const wrong = String((Number(await codeAt(secret, T0)) + 1) % 1_000_000).padStart(6, "0");
    expect((await errorOf(confirmTwoFactorSetup(actor, { code: wrong }, T0))).code).toBe("INVALID");
    expect(
      await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { totpEnabledAt: true } }),
    ).toEqual({ totpEnabledAt: null });
    expect(await db.recoveryCode.count({ where: { userId: actor.id } })).toBe(0);

    const codes = await confirmTwoFactorSetup(actor, { code: await codeAt(secret, T0) }, T0);
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    expect(await getTwoFactorStatus(actor)).toMatchObject({ state: "on", recoveryCodesLeft: 10 });
    // a second setup cannot silently replace the enrolled secret
    expect((await errorOf(beginTwoFactorSetup(actor))).code).toBe("CONFLICT");
  });

  it("stores the secret sealed and the recovery codes only as salted hashes", async () => {
    const actor = await staff();
    const { secret, codes } = await enabled(actor);
    const row = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { totpSecret: true } });
    expect(row.totpSecret).toMatch(/^v1\./);
    expect(row.totpSecret).not.toContain(secret);
    const stored = await db.recoveryCode.findMany({ where: { userId: actor.id } });
    const dump = JSON.stringify(stored);
    for (const c of codes) expect(dump).not.toContain(c.replace("-", ""));
    expect(new Set(stored.map((s) => s.salt)).size).toBe(10);
  });
});

describe("the second step of sign-in", () => {
  it("lets accounts without 2FA through and asks 2FA accounts for a code", async () => {
    const plain = await staff();
    expect(await checkSignInFactor(plain.id, undefined, T0)).toBe("ok");
    const actor = await staff();
    await enabled(actor);
    expect(await checkSignInFactor(actor.id, undefined, at(60_000))).toBe("required");
    expect(await checkSignInFactor(actor.id, "  ", at(60_000))).toBe("required");
  });

  it("accepts a current code once: the same code replayed is refused", async () => {
    const actor = await staff();
    const { secret } = await enabled(actor);
    const later = at(90_000);
    const code = await codeAt(secret, later);
    expect(await checkSignInFactor(actor.id, code, later)).toBe("ok");
    expect(await checkSignInFactor(actor.id, code, at(95_000))).toBe("invalid");
    // the code used to enable 2FA is spent too
    expect(await checkSignInFactor(actor.id, await codeAt(secret, T0), T0)).toBe("invalid");
  });

  it("consumes a recovery code: it works once, in any case, and the count goes down", async () => {
    const actor = await staff();
    const { codes } = await enabled(actor);
    expect(await checkSignInFactor(actor.id, codes[3]!.toUpperCase(), at(60_000))).toBe("ok");
    expect(await checkSignInFactor(actor.id, codes[3], at(61_000))).toBe("invalid");
    expect(await getTwoFactorStatus(actor)).toMatchObject({ state: "on", recoveryCodesLeft: 9 });
    // another user's recovery code is worth nothing here
    const other = await staff();
    const { codes: others } = await enabled(other);
    expect(await checkSignInFactor(actor.id, others[0], at(62_000))).toBe("invalid");
  });

  it("blocks second-factor attempts for 15 minutes after five wrong codes, even the right one", async () => {
    const actor = await staff();
    const { secret } = await enabled(actor);
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await checkSignInFactor(actor.id, "000000", at(60_000 + i)));
    expect(results).toEqual(["invalid", "invalid", "invalid", "invalid", "blocked"]);
    const during = at(5 * 60_000);
    expect(await checkSignInFactor(actor.id, await codeAt(secret, during), during)).toBe("blocked");
    const after = at(60_000 + FACTOR_BLOCK_MS + 30_000);
    expect(await checkSignInFactor(actor.id, await codeAt(secret, after), after)).toBe("ok");
    expect(await db.auditLog.count({ where: { actorId: actor.id, action: "auth.twoFactor.refused" } })).toBe(
      5,
    );
  });
});

describe("turning 2FA off", () => {
  it("needs a current code or the password, then forgets the secret and the codes", async () => {
    const actor = await staff();
    const { secret } = await enabled(actor);
    expect((await errorOf(disableTwoFactor(actor, {}, at(60_000)))).code).toBe("INVALID");
    expect(
      (await errorOf(disableTwoFactor(actor, { password: "not the password at all" }, at(60_000)))).code,
    ).toBe("INVALID");
    expect(
      (await errorOf(disableTwoFactor(actor, { code: await codeAt(secret, T0) }, at(60_000)))).code,
    ).toBe("INVALID"); // spent
    await disableTwoFactor(actor, { password: TEST_PASSWORD }, at(60_000));
    expect(await getTwoFactorStatus(actor)).toEqual({ state: "off" });
    expect(await db.recoveryCode.count({ where: { userId: actor.id } })).toBe(0);
    expect(
      await db.user.findUniqueOrThrow({
        where: { id: actor.id },
        select: { totpSecret: true, totpLastStep: true },
      }),
    ).toEqual({ totpSecret: null, totpLastStep: null });
    expect(
      await db.auditLog.count({ where: { actorId: actor.id, action: "account.twoFactor.disabled" } }),
    ).toBe(1);
  });
});

describe("regenerating recovery codes", () => {
  it("needs a current code, and the old codes stop working", async () => {
    const actor = await staff();
    const { secret, codes: old } = await enabled(actor);
    expect((await errorOf(regenerateRecoveryCodes(actor, { code: "000000" }, at(60_000)))).code).toBe(
      "INVALID",
    );
    const now = at(120_000);
    const fresh = await regenerateRecoveryCodes(actor, { code: await codeAt(secret, now) }, now);
    expect(fresh).toHaveLength(10);
    expect(fresh).not.toContain(old[0]);
    expect(await checkSignInFactor(actor.id, old[0], at(130_000))).toBe("invalid");
    expect(await checkSignInFactor(actor.id, fresh[0], at(131_000))).toBe("ok");
  });
});

describe("the staff 2FA requirement (site setting)", () => {
  afterAll(async () => {
    await db.siteSetting.deleteMany({ where: { key: REQUIRE_STAFF_TOTP_KEY } });
  });

  it("applies to editors and admins without 2FA while the setting is true, never to readers or translators", async () => {
    await db.siteSetting.deleteMany({ where: { key: REQUIRE_STAFF_TOTP_KEY } });
    expect(await isStaffTotpRequired()).toBe(false);
    expect(await mustEnrolTotp({ role: "EDITOR", totpEnabledAt: null })).toBe(false);

    await db.siteSetting.create({ data: { key: REQUIRE_STAFF_TOTP_KEY, value: true } });
    expect(await mustEnrolTotp({ role: "EDITOR", totpEnabledAt: null })).toBe(true);
    expect(await mustEnrolTotp({ role: "ADMIN", totpEnabledAt: null })).toBe(true);
    expect(await mustEnrolTotp({ role: "ADMIN", totpEnabledAt: T0 })).toBe(false);
    expect(await mustEnrolTotp({ role: "TRANSLATOR", totpEnabledAt: null })).toBe(false);
    expect(await mustEnrolTotp({ role: "READER", totpEnabledAt: null })).toBe(false);

    // a malformed value is not "true"
    await db.siteSetting.update({ where: { key: REQUIRE_STAFF_TOTP_KEY }, data: { value: "true" } });
    expect(await isStaffTotpRequired()).toBe(false);
  });
});

describe("sessions after a 2FA change (issue 8, finding 3)", () => {
  const versionOf = async (id: string) =>
    (await db.user.findUniqueOrThrow({ where: { id }, select: { sessionVersion: true } })).sessionVersion;

  it("enabling, regenerating the recovery codes and disabling each bump sessionVersion", async () => {
    const actor = await staff();
    const v0 = await versionOf(actor.id);
    const { secret } = await enabled(actor);
    expect(await versionOf(actor.id)).toBe(v0 + 1);

    const now = at(120_000);
    await regenerateRecoveryCodes(actor, { code: await codeAt(secret, now) }, now);
    expect(await versionOf(actor.id)).toBe(v0 + 2);

    await disableTwoFactor(actor, { password: TEST_PASSWORD }, at(180_000));
    expect(await versionOf(actor.id)).toBe(v0 + 3);
  });

  it("a refused change leaves the sessions alone", async () => {
    const actor = await staff();
    await enabled(actor);
    const v = await versionOf(actor.id);
    await errorOf(regenerateRecoveryCodes(actor, { code: "000000" }, at(60_000)));
    await errorOf(disableTwoFactor(actor, { password: "not the password at all" }, at(61_000)));
    expect(await versionOf(actor.id)).toBe(v);
  });
});
