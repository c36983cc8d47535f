import { generate } from "otplib";
import { describe, expect, it } from "vitest";
import {
  hashRecoveryCode,
  matchesRecoveryCode,
  newRecoveryCode,
  normalizeRecoveryCode,
} from "./recovery-codes";
import { openSecret, sealSecret } from "./secret-box";
import { acceptTotp, newTotpSecret, TOTP_PERIOD_S } from "./totp";

const T0 = 1_800_000_000_000; // a multiple of 30 s
const step0 = T0 / 1000 / TOTP_PERIOD_S;
const codeAt = (secret: string, ms: number) => generate({ secret, epoch: Math.floor(ms / 1000) });

describe("acceptTotp", () => {
  const secret = newTotpSecret();

  it("accepts the current code and returns its time step", async () => {
    expect(await acceptTotp(secret, await codeAt(secret, T0), { now: T0 + 5_000, lastUsedStep: null })).toBe(
      step0,
    );
  });

  it("accepts one step of clock drift either way, not two", async () => {
    const prev = await codeAt(secret, T0 - 30_000);
    const next = await codeAt(secret, T0 + 30_000);
    expect(await acceptTotp(secret, prev, { now: T0, lastUsedStep: null })).toBe(step0 - 1);
    expect(await acceptTotp(secret, next, { now: T0, lastUsedStep: null })).toBe(step0 + 1);
    expect(
      await acceptTotp(secret, await codeAt(secret, T0 - 60_000), { now: T0, lastUsedStep: null }),
    ).toBeNull();
    expect(
      await acceptTotp(secret, await codeAt(secret, T0 + 60_000), { now: T0, lastUsedStep: null }),
    ).toBeNull();
  });

  it("refuses a replay of the last accepted code and any earlier one", async () => {
    const code = await codeAt(secret, T0);
    expect(await acceptTotp(secret, code, { now: T0, lastUsedStep: step0 })).toBeNull();
    expect(
      await acceptTotp(secret, await codeAt(secret, T0 - 30_000), { now: T0, lastUsedStep: step0 }),
    ).toBeNull();
    expect(
      await acceptTotp(secret, await codeAt(secret, T0 + 30_000), { now: T0 + 30_000, lastUsedStep: step0 }),
    ).toBe(step0 + 1);
  });

  it("refuses wrong and malformed codes, and tolerates a space in the middle", async () => {
    const code = await codeAt(secret, T0);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, "0");
    expect(await acceptTotp(secret, wrong, { now: T0, lastUsedStep: null })).toBeNull();
    expect(await acceptTotp(secret, "12345", { now: T0, lastUsedStep: null })).toBeNull();
    expect(await acceptTotp(secret, "abcdef", { now: T0, lastUsedStep: null })).toBeNull();
    expect(
      await acceptTotp(secret, `${code.slice(0, 3)} ${code.slice(3)}`, { now: T0, lastUsedStep: null }),
    ).toBe(step0);
  });
});

describe("secret box", () => {
  const key = "k".repeat(43);

  it("round-trips, with a fresh IV each time", () => {
    const a = sealSecret("JBSWY3DPEHPK3PXP", "user-1", key);
    const b = sealSecret("JBSWY3DPEHPK3PXP", "user-1", key);
    expect(a).not.toBe(b);
    expect(a).not.toContain("JBSWY3DPEHPK3PXP");
    expect(openSecret(a, "user-1", key)).toBe("JBSWY3DPEHPK3PXP");
  });

  it("refuses a tampered box, another user's box and another key", () => {
    const sealed = sealSecret("JBSWY3DPEHPK3PXP", "user-1", key);
    const [v, iv, tag, data] = sealed.split(".");
    const flipped = Buffer.from(data!, "base64url");
    flipped[0]! ^= 1;
    expect(openSecret([v, iv, tag, flipped.toString("base64url")].join("."), "user-1", key)).toBeNull();
    expect(openSecret(sealed, "user-2", key)).toBeNull();
    expect(openSecret(sealed, "user-1", "x".repeat(43))).toBeNull();
    expect(openSecret("v1.garbage", "user-1", key)).toBeNull();
  });

  it("refuses to derive a key from a short secret", () => {
    expect(() => sealSecret("x", "u", "short")).toThrow();
  });
});

describe("recovery codes", () => {
  it("are 10 unambiguous characters shown in two groups, all different", () => {
    const codes = Array.from({ length: 50 }, newRecoveryCode);
    for (const c of codes) expect(c).toMatch(/^[a-hjkmnp-z2-9]{5}-[a-hjkmnp-z2-9]{5}$/);
    expect(new Set(codes).size).toBe(50);
  });

  it("match only their own salted hash, typed in any case, with or without the dash", () => {
    const code = newRecoveryCode();
    const stored = hashRecoveryCode(code);
    expect(stored.codeHash).not.toContain(normalizeRecoveryCode(code));
    expect(hashRecoveryCode(code).codeHash).not.toBe(stored.codeHash); // per-code salt
    expect(matchesRecoveryCode(code.toUpperCase().replace("-", " "), stored)).toBe(true);
    expect(matchesRecoveryCode(newRecoveryCode(), stored)).toBe(false);
  });
});
