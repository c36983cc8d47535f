import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createUser, uid } from "@/lib/test/factories";
import { forceSignOut } from "../users/force-sign-out";
import { suspendUser } from "../users/suspend-user";
import { listAuditLog } from "./list-audit-log";
import { createActor, fromIp } from "./test-helpers";

describe("listAuditLog", () => {
  it("lists newest first with actor names, filters by actor, action prefix and target", async () => {
    const admin = await createActor("ADMIN");
    const target = await createUser();
    await fromIp("203.0.113.50", () => forceSignOut(admin, { userId: target.id }));
    await fromIp("203.0.113.50", () => suspendUser(admin, { userId: target.id, reason: "审计测试" }));

    const mine = await listAuditLog(admin, { actor: admin.displayName.toUpperCase() });
    expect(mine.items.map((r) => r.action)).toEqual(["user.suspend", "user.forceSignOut"]);
    expect(mine.items[0]).toMatchObject({
      actor: { id: admin.id, displayName: admin.displayName },
      targetType: "user",
      targetId: target.id,
      ip: "203.0.113.50",
    });

    expect(
      (await listAuditLog(admin, { target: target.id, action: "user.sus" })).items.map((r) => r.action),
    ).toEqual(["user.suspend"]);
    expect((await listAuditLog(admin, { target: target.id, action: "article." })).items).toEqual([]);
  });

  it("pages by keyset without overlap and filters by Beijing dates", async () => {
    const admin = await createActor("ADMIN");
    const target = `t-${uid()}`;
    await db.auditLog.createMany({
      data: Array.from({ length: 53 }, (_, i) => ({
        actorId: admin.id,
        action: "test.page",
        targetType: "test",
        targetId: target,
        meta: { i },
      })),
    });
    await db.auditLog.create({
      data: { action: "test.page", targetId: target, createdAt: new Date("2020-01-01T15:30:00Z") },
    }); // 2020-01-01 23:30 Beijing
    const p1 = await listAuditLog(admin, { target });
    const p2 = await listAuditLog(admin, { target, before: p1.nextBefore });
    expect([p1.items.length, p2.items.length, p2.nextBefore]).toEqual([50, 4, null]);
    expect(new Set([...p1.items, ...p2.items].map((r) => r.id)).size).toBe(54);
    expect(BigInt(p1.items[0]!.id) > BigInt(p1.items[1]!.id)).toBe(true);

    const old = await listAuditLog(admin, { target, from: "2020-01-01", to: "2020-01-01" });
    expect(old.items).toHaveLength(1);
    expect(old.items[0]!.actor).toBeNull();
    expect((await listAuditLog(admin, { target, from: "2020-01-02", to: "2020-01-02" })).items).toEqual([]);
    // malformed filters are ignored, not errors
    expect((await listAuditLog(admin, { target, from: "yesterday", before: "x" })).items).toHaveLength(50);
    // NUL would reach PostgreSQL (a 500): it is dropped like any malformed filter
    const nul = await listAuditLog(admin, { target, actor: "a\u0000", action: "x\u0000" });
    expect(nul.items).toHaveLength(50);
  });

  it("is for admins only", async () => {
    await expect(listAuditLog(await createActor("EDITOR"))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listAuditLog(null)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });
});
