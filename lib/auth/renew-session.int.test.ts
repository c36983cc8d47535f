import { decode, encode } from "next-auth/jwt";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { createUser } from "@/lib/test/factories";

const SECRET = "renew-session-test-secret-".padEnd(43, "x");
const NAME = "__Host-authjs.session-token"; // SITE_URL http://localhost:3000: prefixed

// the request's cookie jar, as next/headers would hand it to the action
const jar = vi.hoisted(() => new Map<string, { value: string; options?: object }>());
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)!.value } : undefined),
    set: (name: string, value: string, options: object) => jar.set(name, { value, options }),
  }),
}));
vi.hoisted(() => {
  process.env.AUTH_SECRET = "renew-session-test-secret-".padEnd(43, "x");
  process.env.SITE_URL = "http://localhost:3000";
});

const { renewSession } = await import("./renew-session");

async function signedIn(
  user: { id: string; role: string },
  sessionVersion: number,
  issuedAt = Date.now() - 60_000,
) {
  const token = {
    sub: user.id,
    userId: user.id,
    role: user.role,
    sessionVersion,
    checkedAt: issuedAt,
    issuedAt,
    lastSeenAt: issuedAt,
  };
  jar.set(NAME, { value: await encode({ token, secret: SECRET, salt: NAME }) });
}
const claims = async () => decode({ token: jar.get(NAME)!.value, secret: SECRET, salt: NAME });
const bump = (id: string) => db.user.update({ where: { id }, data: { sessionVersion: { increment: 1 } } });

describe("renewSession", () => {
  beforeEach(() => jar.clear());

  it("re-issues the acting browser's cookie under the version its own change bumped, keeping the sign-in time", async () => {
    const user = await createUser();
    const issuedAt = Date.now() - 5 * 60_000;
    await signedIn(user, user.sessionVersion, issuedAt);
    await bump(user.id);
    expect(await renewSession(user.id)).toBe(true);
    expect(await claims()).toMatchObject({
      userId: user.id,
      role: "READER",
      sessionVersion: user.sessionVersion + 1,
      issuedAt,
    });
    expect(jar.get(NAME)!.options).toMatchObject({
      httpOnly: true,
      secure: true,
      sameSite: "lax",
      path: "/",
    });
  });

  it("leaves the cookie alone when someone else bumped the version too, or never bumped it", async () => {
    const user = await createUser();
    await signedIn(user, user.sessionVersion);
    const before = jar.get(NAME)!.value;
    expect(await renewSession(user.id)).toBe(false); // nothing changed: no reason to re-issue
    await bump(user.id);
    await bump(user.id); // an admin's forced sign-out meanwhile
    expect(await renewSession(user.id)).toBe(false);
    expect(jar.get(NAME)!.value).toBe(before);
  });

  it("never renews another user's cookie, a suspended user, or a cookie that does not decrypt", async () => {
    const user = await createUser();
    const other = await createUser();
    await signedIn(other, other.sessionVersion);
    await bump(user.id);
    expect(await renewSession(user.id)).toBe(false);

    await signedIn(user, user.sessionVersion + 1);
    await db.user.update({
      where: { id: user.id },
      data: { status: "SUSPENDED", sessionVersion: { increment: 1 } },
    });
    expect(await renewSession(user.id)).toBe(false);

    jar.set(NAME, { value: "not-a-token" });
    expect(await renewSession(user.id)).toBe(false);
  });
});
