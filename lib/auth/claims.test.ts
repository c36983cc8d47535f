import { describe, expect, it, vi } from "vitest";
import {
  isExpired,
  nextToken,
  READER_MAX_AGE_MS,
  RECHECK_INTERVAL_MS,
  STAFF_ABSOLUTE_MS,
  STAFF_IDLE_MS,
  type UserState,
} from "./claims";

const T0 = 1_800_000_000_000;
const active: UserState = { role: "CONTRIBUTOR", status: "ACTIVE", sessionVersion: 3 };
const token = {
  sub: "u1",
  userId: "u1",
  role: "CONTRIBUTOR",
  sessionVersion: 3,
  checkedAt: T0,
  issuedAt: T0,
  lastSeenAt: T0,
};
const loader = (state: UserState | null) => vi.fn(async () => state);

describe("nextToken", () => {
  it("builds the claims from the signed-in user", async () => {
    const load = loader(active);
    const t = await nextToken(
      { token: { sub: "u1" }, user: { id: "u1", role: "CONTRIBUTOR", sessionVersion: 3 }, trigger: "signIn" },
      load,
      T0,
    );
    expect(t).toEqual({
      userId: "u1",
      role: "CONTRIBUTOR",
      sessionVersion: 3,
      checkedAt: T0,
      issuedAt: T0,
      lastSeenAt: T0,
    });
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

  it("re-checks a token whose last check is stamped in the future (clock skew or forgery)", async () => {
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
    const params = {
      token,
      trigger: "update" as const,
      session: { role: "ADMIN", status: "ACTIVE", sessionVersion: 99 },
    };
    const t = await nextToken(params, load, T0 + 1);
    expect(load).toHaveBeenCalled();
    expect(t).toEqual({
      userId: "u1",
      role: "CONTRIBUTOR",
      sessionVersion: 3,
      checkedAt: T0 + 1,
      issuedAt: T0,
      lastSeenAt: T0 + 1,
    });
  });

  it("ends sessions whose token is malformed", async () => {
    expect(await nextToken({ token: { sub: "u1" } }, loader(active), T0)).toBeNull();
    expect(await nextToken({ token: { ...token, role: "ROOT" } }, loader(active), T0)).toBeNull();
  });
});

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const staffToken = { ...token, role: "EDITOR" };
const editor: UserState = { ...active, role: "EDITOR" };

describe("session lifetimes", () => {
  it("keeps a reader (and a contributor) signed in for 30 days, however idle", async () => {
    for (const role of ["READER", "CONTRIBUTOR"] as const) {
      const t = { ...token, role };
      const state = { ...active, role };
      expect(await nextToken({ token: t }, loader(state), T0 + 29 * DAY)).toMatchObject({
        role,
        issuedAt: T0,
      });
      expect(await nextToken({ token: t }, loader(state), T0 + 30 * DAY)).toBeNull();
    }
    expect(READER_MAX_AGE_MS).toBe(30 * DAY);
  });

  it("ends a staff session after 30 minutes without activity", async () => {
    expect(STAFF_IDLE_MS).toBe(30 * MIN);
    expect(await nextToken({ token: staffToken }, loader(editor), T0 + 29 * MIN)).not.toBeNull();
    expect(await nextToken({ token: staffToken }, loader(editor), T0 + 30 * MIN)).toBeNull();
  });

  it("counts idle time from the last request, so an active editor stays signed in", async () => {
    let t: Record<string, unknown> = staffToken;
    // a request every 20 minutes for 11 hours: never idle for 30 minutes
    for (let now = T0 + 20 * MIN; now < T0 + 11 * HOUR; now += 20 * MIN) {
      const next = await nextToken({ token: t }, loader(editor), now);
      expect(next, `at +${(now - T0) / MIN} min`).toMatchObject({ lastSeenAt: now, issuedAt: T0 });
      t = next!;
    }
  });

  it("ends a staff session 12 hours after sign-in even when it is busy", async () => {
    expect(STAFF_ABSOLUTE_MS).toBe(12 * HOUR);
    const busy = { ...staffToken, lastSeenAt: T0 + 12 * HOUR - MIN, checkedAt: T0 + 12 * HOUR - MIN };
    expect(await nextToken({ token: busy }, loader(editor), T0 + 12 * HOUR - 1)).not.toBeNull();
    expect(await nextToken({ token: busy }, loader(editor), T0 + 12 * HOUR)).toBeNull();
  });

  it.each(["TRANSLATOR", "ADMIN"] as const)("applies staff limits to %s", (role) => {
    expect(isExpired({ role, issuedAt: T0, lastSeenAt: T0 }, T0 + 30 * MIN)).toBe(true);
    expect(isExpired({ role, issuedAt: T0, lastSeenAt: T0 + 11 * HOUR }, T0 + 12 * HOUR)).toBe(true);
  });

  it("ends the session of a reader promoted to editor instead of letting it run 30 days", async () => {
    // the role changed in the database: the next check (at most a minute later) ends the session
    const promoted = await nextToken({ token: { ...token, role: "READER" } }, loader(editor), T0 + 2 * HOUR);
    expect(promoted).toBeNull();
  });

  it("refuses tokens whose times are in the future or out of order", () => {
    expect(isExpired({ role: "READER", issuedAt: T0 + MIN, lastSeenAt: T0 + MIN }, T0)).toBe(true);
    expect(isExpired({ role: "READER", issuedAt: T0, lastSeenAt: T0 + MIN }, T0)).toBe(true);
    expect(isExpired({ role: "READER", issuedAt: T0, lastSeenAt: T0 - 1 }, T0)).toBe(true);
  });

  it("ends sessions minted before lifetimes existed (no issuedAt)", async () => {
    const old = { ...token, issuedAt: undefined, lastSeenAt: undefined };
    expect(await nextToken({ token: old }, loader(active), T0)).toBeNull();
  });
});
