import { solveChallenge, type Challenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/pbkdf2";
import { describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/authz";
import { verifyProof } from "@/lib/security/proof-of-work";
import { createUser } from "@/lib/test/factories";

// integration runs have no AUTH_SECRET; give this file one (env() is parsed lazily, on first use)
process.env.AUTH_SECRET ??= "test-secret-for-altcha-route-integration-0123456789";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.actor }));
const { GET } = await import("./route");

const call = (query: string) => GET(new Request(`http://localhost/api/altcha/challenge${query}`));

async function signIn(): Promise<Actor> {
  const u = await createUser();
  session.actor = {
    id: u.id,
    role: "READER",
    status: "ACTIVE",
    displayName: u.profile!.displayName,
    publicId: u.profile!.publicId,
  };
  return session.actor;
}

describe("GET /api/altcha/challenge", () => {
  it("answers 401 signed out", async () => {
    session.actor = null;
    expect((await call("?form=comment")).status).toBe(401);
  });

  it("refuses another form or extra parameters with 400", async () => {
    await signIn();
    for (const q of ["", "?form=register", "?form=comment&x=1"]) expect((await call(q)).status, q).toBe(400);
  });

  it("gives the signed-in reader an uncached challenge that verifies for them once", async () => {
    const actor = await signIn();
    const r = await call("?form=comment");
    expect(r.status).toBe(200);
    expect(r.headers.get("cache-control")).toBe("private, no-store");
    const challenge = (await r.json()) as Challenge;
    expect(challenge.parameters.data).toEqual({ uid: actor.id, form: "comment" });
    const solution = await solveChallenge({ challenge, deriveKey });
    const payload = Buffer.from(JSON.stringify({ challenge, solution })).toString("base64");
    expect(await verifyProof(payload, { userId: actor.id, form: "comment" })).toBe(true);
    expect(await verifyProof(payload, { userId: actor.id, form: "comment" })).toBe(false);
  });

  it("allows 30 challenges a minute per account, then 429 with a zh-CN wait", async () => {
    await signIn();
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await call("?form=comment")).status);
    expect(statuses.slice(0, 30).every((s) => s === 200)).toBe(true);
    expect(statuses[30]).toBe(429);
    const r = await call("?form=comment");
    expect(r.status).toBe(429);
    expect(Number(r.headers.get("retry-after"))).toBeGreaterThan(0);
    const { error } = (await r.json()) as { error: { message: string } };
    expect(error.message).toMatch(/太频繁.*后再试/);
    // another account is not affected
    await signIn();
    expect((await call("?form=comment")).status).toBe(200);
  });
});
