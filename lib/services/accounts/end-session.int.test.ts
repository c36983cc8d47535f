import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createUser } from "@/lib/test/factories";
import { endSession } from "./end-session";

const versionOf = async (id: string) =>
  (await db.user.findUniqueOrThrow({ where: { id }, select: { sessionVersion: true } })).sessionVersion;

describe("endSession (sign-out, issue 8 finding 3)", () => {
  it("bumps the user's sessionVersion, so a copy of the signed-out cookie no longer matches", async () => {
    const user = await createUser();
    expect(
      await endSession({
        sub: user.id,
        userId: user.id,
        role: "READER",
        sessionVersion: user.sessionVersion,
      }),
    ).toBe(true);
    expect(await versionOf(user.id)).toBe(user.sessionVersion + 1);
    expect(await db.auditLog.count({ where: { actorId: user.id, action: "auth.signOut" } })).toBe(1);
  });

  it("does nothing for a token that is already revoked, so a stale copy cannot sign the user out again", async () => {
    const user = await createUser();
    await endSession({ userId: user.id, sessionVersion: user.sessionVersion });
    expect(await endSession({ userId: user.id, sessionVersion: user.sessionVersion })).toBe(false);
    expect(await versionOf(user.id)).toBe(user.sessionVersion + 1);
  });

  it("ignores tokens without a user (an anonymous or malformed cookie)", async () => {
    expect(await endSession(null)).toBe(false);
    expect(await endSession({ userId: "", sessionVersion: 1 })).toBe(false);
    expect(await endSession({ userId: "x", sessionVersion: "1" })).toBe(false);
  });
});
