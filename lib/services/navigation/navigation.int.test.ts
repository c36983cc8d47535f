import { beforeEach, describe, expect, it } from "vitest";
import { tags } from "@/lib/cache-tags";
import { db } from "@/lib/db";
import { invalidated } from "@/lib/test/next-mocks";
import { createActor, fromIp } from "../admin/test-helpers";
import { getNavigation } from "../public/get-navigation";
import { defaultNavigation } from "./defaults";
import { getNavigationForAdmin } from "./get-navigation-for-admin";
import { resetNavigation } from "./reset-navigation";
import { NAV_KEYS } from "./schemas";
import { updateNavigation } from "./update-navigation";

const item = (label: string, href: string, extra: object = {}) => ({
  label,
  href,
  description: "",
  newTab: false,
  placement: "start",
  ...extra,
});

async function clear() {
  await db.siteSetting.deleteMany({ where: { key: { in: Object.values(NAV_KEYS) } } });
  await db.auditLog.deleteMany({ where: { targetType: "navigation" } });
}

beforeEach(async () => {
  invalidated.length = 0;
  await clear();
});

describe("navigation menus", () => {
  it("shows today's menus until an admin edits them", async () => {
    const special = await db.siteSetting.findUnique({ where: { key: "site.specialTag" } });
    const tag = typeof special?.value === "string" ? special.value : "";
    const expected = defaultNavigation(tag ? `/tag/${encodeURIComponent(tag)}` : "/tag");
    expect(await getNavigation()).toEqual(expected);
    expect(expected.guide.map((l) => l.label)).toEqual(["专题", "热门", "RSS 订阅", "投稿"]);
    expect(expected.header.map((l) => [l.label, l.href, l.placement])).toEqual([
      ["首页", "/", "start"],
      ["投稿", "/contribute", "end"],
    ]);
  });

  it("saves both lists, audits old → new once, invalidates the settings tag", async () => {
    const admin = await createActor("ADMIN");
    const next = {
      guide: [
        item("安全周报", "/tag/weekly", { description: "每周一期" }),
        item("外链", "https://example.com/x", { newTab: true }),
      ],
      header: [item("首页", "/"), item("关于", "/page/about", { placement: "end" })],
    };
    await fromIp("203.0.113.50", () => updateNavigation(admin, next));
    expect(invalidated).toEqual([tags.settings()]);
    expect(await getNavigation()).toEqual(next);
    expect(await getNavigationForAdmin(admin)).toEqual({
      ...next,
      isDefault: { guide: false, header: false },
    });
    const rows = await db.auditLog.findMany({ where: { action: "navigation.update" } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorId: admin.id, ip: "203.0.113.50" });
    expect((rows[0]!.meta as Record<string, { from: unknown; to: unknown }>)[NAV_KEYS.guide]).toEqual({
      from: null,
      to: next.guide,
    });

    // the same lists again: nothing written, nothing audited
    invalidated.length = 0;
    await updateNavigation(admin, next);
    expect(invalidated).toEqual([]);
    expect(await db.auditLog.count({ where: { action: "navigation.update" } })).toBe(1);
  });

  it("refuses unsafe URLs, too many items and unknown fields, writing nothing", async () => {
    const admin = await createActor("ADMIN");
    const bad = [
      "javascript:alert(1)",
      "JAVASCRIPT:alert(1)",
      "data:text/html,x",
      "//evil.example",
      "/\\evil.example",
      "evil.example",
      "ftp://example.com",
      "https://exa mple.com",
      "",
    ];
    for (const href of bad) {
      await expect(updateNavigation(admin, { guide: [item("x", href)], header: [] })).rejects.toMatchObject({
        name: "ZodError",
      });
    }
    const many = Array.from({ length: 13 }, (_, i) => item(`第${i}`, `/p/${i}`));
    await expect(updateNavigation(admin, { guide: many, header: [] })).rejects.toMatchObject({
      name: "ZodError",
    });
    await expect(
      updateNavigation(admin, { guide: [{ ...item("x", "/"), onclick: "x" }], header: [] }),
    ).rejects.toMatchObject({ name: "ZodError" });
    expect(await db.siteSetting.count({ where: { key: { in: Object.values(NAV_KEYS) } } })).toBe(0);
  });

  it("falls back to the default list when a stored row is malformed", async () => {
    await db.siteSetting.create({
      data: { key: NAV_KEYS.header, value: [{ label: "坏", href: "javascript:alert(1)" }] },
    });
    await db.siteSetting.create({ data: { key: NAV_KEYS.guide, value: [item("好", "/good")] } });
    const nav = await getNavigation();
    expect(nav.header.map((l) => l.label)).toEqual(["首页", "投稿"]);
    expect(nav.guide).toEqual([item("好", "/good")]);
  });

  it("resets to the defaults, keeping the removed lists in the audit row", async () => {
    const admin = await createActor("ADMIN");
    await updateNavigation(admin, { guide: [], header: [item("首页", "/")] });
    await resetNavigation(admin, {});
    expect((await getNavigationForAdmin(admin)).isDefault).toEqual({ guide: true, header: true });
    const [row] = await db.auditLog.findMany({ where: { action: "navigation.reset" } });
    expect(row!.meta).toMatchObject({ [NAV_KEYS.header]: { from: [item("首页", "/")], to: null } });
    await expect(resetNavigation(admin, { all: true })).rejects.toMatchObject({ name: "ZodError" });
  });

  it("is for admins only", async () => {
    for (const role of ["READER", "EDITOR"] as const) {
      const actor = await createActor(role);
      await expect(updateNavigation(actor, { guide: [], header: [] })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      await expect(resetNavigation(actor, {})).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(getNavigationForAdmin(actor)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await db.auditLog.count({ where: { targetType: "navigation" } })).toBe(0);
  });
});
