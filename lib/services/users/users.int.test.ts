import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createUser, uid } from "@/lib/test/factories";
import { auditRowsFor, createActor, fromIp } from "../admin/test-helpers";
import { changeUserRole } from "./change-user-role";
import { forceSignOut } from "./force-sign-out";
import { getUserDetail } from "./get-user-detail";
import { listUsers } from "./list-users";
import { reactivateUser } from "./reactivate-user";
import { suspendUser } from "./suspend-user";

const versionOf = async (id: string) => (await db.user.findUniqueOrThrow({ where: { id } })).sessionVersion;

describe("listUsers", () => {
  it("finds users by email or display name, case-insensitively, and filters by role and status", async () => {
    const admin = await createActor("ADMIN");
    const tag = uid(6);
    const a = await createUser({ email: `Find-${tag}@test.local`.toLowerCase(), role: "READER" });
    const b = await createUser({ displayName: `寻找${tag}X`, role: "EDITOR" });
    const byEmail = await listUsers(admin, { q: `FIND-${tag.toUpperCase()}` });
    expect(byEmail.items.map((u) => u.id)).toEqual([a.id]);
    const byName = await listUsers(admin, { q: `${tag}x` });
    expect(byName.items.map((u) => u.id)).toEqual([b.id]);
    expect((await listUsers(admin, { q: tag, role: "EDITOR" })).items.map((u) => u.id)).toEqual([b.id]);
    expect((await listUsers(admin, { q: tag, status: "SUSPENDED" })).total).toBe(0);
    // rows carry no secrets
    expect(Object.keys(byEmail.items[0]!)).not.toContain("passwordHash");
  });

  it("pages 25 at a time with a total, and ignores malformed filters", async () => {
    const admin = await createActor("ADMIN");
    const tag = uid(6);
    for (let i = 0; i < 27; i++) await createUser({ displayName: `页${tag}${i}` });
    const p1 = await listUsers(admin, { q: tag });
    const p2 = await listUsers(admin, { q: tag, page: "2" });
    expect([p1.total, p1.pageCount, p1.items.length, p2.items.length]).toEqual([27, 2, 25, 2]);
    expect(new Set([...p1.items, ...p2.items].map((u) => u.id)).size).toBe(27);
    const odd = await listUsers(admin, { q: tag, role: "KING", page: "-3" });
    expect([odd.page, odd.filters.role]).toEqual([1, undefined]);
    // text PostgreSQL cannot take (NUL) is dropped like any malformed filter, never a 500
    const nul = await listUsers(admin, { q: `${tag}\u0000` });
    expect([nul.filters.q, nul.total > 0]).toEqual(["", true]);
  });

  it("refuses editors and anonymous callers", async () => {
    await expect(listUsers(await createActor("EDITOR"))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listUsers(null)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });
});

describe("changeUserRole", () => {
  it("changes the role, bumps the session version and audits old → new with the IP", async () => {
    const admin = await createActor("ADMIN");
    const user = await createUser({ role: "READER" });
    await fromIp("203.0.113.7", () => changeUserRole(admin, { userId: user.id, role: "TRANSLATOR" }));
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect([after.role, after.sessionVersion]).toEqual(["TRANSLATOR", user.sessionVersion + 1]);
    const [row] = await auditRowsFor(user.id);
    expect(row).toMatchObject({
      actorId: admin.id,
      action: "user.changeRole",
      targetType: "user",
      ip: "203.0.113.7",
      meta: { from: "READER", to: "TRANSLATOR" },
    });
  });

  it("refuses an admin's own role, editors, and a no-op change", async () => {
    const admin = await createActor("ADMIN");
    await expect(changeUserRole(admin, { userId: admin.id, role: "READER" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const user = await createUser({ role: "READER" });
    await expect(
      changeUserRole(await createActor("EDITOR"), { userId: user.id, role: "ADMIN" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(changeUserRole(admin, { userId: user.id, role: "READER" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect(await versionOf(user.id)).toBe(user.sessionVersion);
    expect(await auditRowsFor(user.id)).toEqual([]);
  });
});

describe("suspendUser / reactivateUser", () => {
  it("requires a reason, records it, ends sessions, and reports a lost race", async () => {
    const admin = await createActor("ADMIN");
    const user = await createUser();
    await expect(suspendUser(admin, { userId: user.id, reason: "  " })).rejects.toMatchObject({
      name: "ZodError",
    });
    await expect(suspendUser(admin, { userId: user.id })).rejects.toMatchObject({ name: "ZodError" });

    await fromIp("198.51.100.2", () => suspendUser(admin, { userId: user.id, reason: "发布垃圾广告" }));
    let row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect([row.status, row.statusReason, row.sessionVersion]).toEqual([
      "SUSPENDED",
      "发布垃圾广告",
      user.sessionVersion + 1,
    ]);
    await expect(suspendUser(admin, { userId: user.id, reason: "再来一次" })).rejects.toMatchObject({
      code: "CONFLICT",
    });

    await fromIp("198.51.100.2", () => reactivateUser(admin, { userId: user.id, reason: "申诉通过" }));
    row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect([row.status, row.statusReason]).toEqual(["ACTIVE", "申诉通过"]);
    await expect(reactivateUser(admin, { userId: user.id, reason: "再来一次" })).rejects.toMatchObject({
      code: "CONFLICT",
    });

    const rows = await auditRowsFor(user.id);
    expect(rows.map((r) => [r.action, r.ip, r.actorId])).toEqual([
      ["user.suspend", "198.51.100.2", admin.id],
      ["user.reactivate", "198.51.100.2", admin.id],
    ]);
    expect(rows[0]!.meta).toMatchObject({ from: "ACTIVE", to: "SUSPENDED", reason: "发布垃圾广告" });
    expect(rows[1]!.meta).toMatchObject({
      from: "SUSPENDED",
      to: "ACTIVE",
      reason: "申诉通过",
      previousReason: "发布垃圾广告",
    });
  });

  it("refuses suspending oneself and non-admins", async () => {
    const admin = await createActor("ADMIN");
    await expect(suspendUser(admin, { userId: admin.id, reason: "测试自停" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const user = await createUser();
    await expect(
      suspendUser(await createActor("EDITOR"), { userId: user.id, reason: "越权" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      reactivateUser(await createActor("READER"), { userId: user.id, reason: "越权" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).status).toBe("ACTIVE");
  });
});

describe("forceSignOut", () => {
  it("bumps the session version and audits it; editors are refused", async () => {
    const admin = await createActor("ADMIN");
    const user = await createUser();
    await expect(forceSignOut(await createActor("EDITOR"), { userId: user.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await fromIp("192.0.2.9", () => forceSignOut(admin, { userId: user.id }));
    expect(await versionOf(user.id)).toBe(user.sessionVersion + 1);
    const [row] = await auditRowsFor(user.id);
    expect(row).toMatchObject({
      action: "user.forceSignOut",
      ip: "192.0.2.9",
      meta: { from: user.sessionVersion, to: user.sessionVersion + 1 },
    });
  });
});

describe("getUserDetail", () => {
  it("returns a DTO without secrets, marks self, and 404s unknown ids", async () => {
    const admin = await createActor("ADMIN");
    const user = await createUser();
    const d = await getUserDetail(admin, user.id);
    expect(d).toMatchObject({ id: user.id, email: user.email, isSelf: false, hasTotp: false });
    expect(JSON.stringify(d)).not.toMatch(/argon2|passwordHash|totpSecret/);
    expect((await getUserDetail(admin, admin.id)).isSelf).toBe(true);
    await expect(getUserDetail(admin, "nope")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getUserDetail(await createActor("EDITOR"), user.id)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});
