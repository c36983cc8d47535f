import { describe, expect, it, vi } from "vitest";
import { nextToken, RECHECK_INTERVAL_MS, type UserState } from "./claims";

const T0 = 1_800_000_000_000;
const active: UserState = { role: "CONTRIBUTOR", status: "ACTIVE", sessionVersion: 3 };
const token = { sub: "u1", userId: "u1", role: "CONTRIBUTOR", sessionVersion: 3, checkedAt: T0 };
const loader = (state: UserState | null) => vi.fn(async () => state);

describe("nextToken", () => {
  it("builds the claims from the signed-in user", async () => {
    const load = loader(active);
    const t = await nextToken({ token: { sub: "u1" }, user: { id: "u1", role: "CONTRIBUTOR", sessionVersion: 3 }, trigger: "signIn" }, load, T0);
    expect(t).toEqual({ userId: "u1", role: "CONTRIBUTOR", sessionVersion: 3, checkedAt: T0 });
    expect(load).not.toHaveBeenCalled();
  });

  it("trusts a token checked less than a minute ago without touching the database", async () => {
    const load = loader(null);
    expect(await nextToken({ token }, load, T0 + RECHECK_INTERVAL_MS - 1)).toMatchObject({ checkedAt: T0 });
    expect(load).not.toHaveBeenCalled();
  });

  it("re-checks after a minute and stamps checkedAt", async () => {
    const load = loader(active);
    const t = await nextToken({ token }, load, T0 + RECHECK_INTERVAL_MS);
    expect(load).toHaveBeenCalledWith("u1");
    expect(t).toMatchObject({ role: "CONTRIBUTOR", checkedAt: T0 + RECHECK_INTERVAL_MS });
  });

  it("re-checks a token stamped in the future (clock skew or forgery)", async () => {
    const load = loader(active);
    await nextToken({ token: { ...token, checkedAt: T0 + 10 * RECHECK_INTERVAL_MS } }, load, T0);
    expect(load).toHaveBeenCalled();
  });

  it.each([
    ["the user is gone", null],
    ["the user is suspended", { ...active, status: "SUSPENDED" as const }],
    ["the role changed", { ...active, role: "ADMIN" as const }],
    ["the session version was bumped", { ...active, sessionVersion: 4 }],
  ])("ends the session when %s", async (_label, state) => {
    expect(await nextToken({ token }, loader(state), T0 + RECHECK_INTERVAL_MS)).toBeNull();
  });

  it("answers a client update() with a database check, never with the client's data", async () => {
    const load = loader(active);
    // the callback's `session` payload is not even accepted; this is what a forged update would carry
    const params = { token, trigger: "update" as const, session: { role: "ADMIN", status: "ACTIVE", sessionVersion: 99 } };
    const t = await nextToken(params, load, T0 + 1);
    expect(load).toHaveBeenCalled();
    expect(t).toEqual({ userId: "u1", role: "CONTRIBUTOR", sessionVersion: 3, checkedAt: T0 + 1 });
  });

  it("ends sessions whose token is malformed", async () => {
    expect(await nextToken({ token: { sub: "u1" } }, loader(active), T0)).toBeNull();
    expect(await nextToken({ token: { ...token, role: "ROOT" } }, loader(active), T0)).toBeNull();
  });
});
