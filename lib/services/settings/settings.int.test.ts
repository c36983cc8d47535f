import { randomBytes } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { tags } from "@/lib/cache-tags";
import { db } from "@/lib/db";
import { RateLimiter } from "@/lib/security/rate-limit";
import { invalidated } from "@/lib/test/next-mocks";
import { uid } from "@/lib/test/factories";
import { registerUser } from "../accounts/register-user";
import { getSiteSettings } from "../public/get-site-settings";
import { createActor, fromIp } from "../admin/test-helpers";
import { getSettingsForAdmin } from "./get-settings-for-admin";
import { isRegistrationOpen } from "./is-registration-open";
import { isStaffTotpRequired } from "./is-staff-totp-required";
import { SETTING_KEYS } from "./keys";
import { updateSiteSettings } from "./update-site-settings";

const form = {
  name: "署名 Byline",
  tagline: "原创报道与安全译文",
  icp: "京ICP备2026000001号-1",
  copyright: "© 2026 署名",
  social: "微博 https://weibo.com/byline\r\nGitHub https://github.com/byline",
  requireStaffTotp: "on",
};

/** A Media row as an upload would leave it (the file itself is not needed by the settings). */
async function createMedia(mime = "image/png") {
  const sha = randomBytes(32).toString("hex");
  return db.media.create({
    data: { storageKey: `2026/12/${sha}.png`, mime, size: 100, width: 320, height: 80, sha256: sha },
  });
}

const settingKeys = Object.values(SETTING_KEYS);
let saved: { key: string; value: unknown }[] = [];

beforeEach(async () => {
  invalidated.length = 0;
  saved = await db.siteSetting.findMany({ where: { key: { in: settingKeys } } });
});

// other integration files (registration, sign-in) read these keys: leave them as found
afterEach(async () => {
  await db.siteSetting.deleteMany({ where: { key: { in: settingKeys } } });
  for (const r of saved) await db.siteSetting.create({ data: { key: r.key, value: r.value as object } });
});

describe("site settings", () => {
  it("round-trips through the public reader and the admin form, audits only what changed", async () => {
    const admin = await createActor("ADMIN");
    await fromIp("203.0.113.40", () => updateSiteSettings(admin, form));
    expect(invalidated).toContain(tags.settings());
    const back = await getSettingsForAdmin(admin);
    expect(back).toMatchObject({
      name: form.name,
      tagline: form.tagline,
      icp: form.icp,
      copyright: form.copyright,
      social: [
        { name: "微博", url: "https://weibo.com/byline" },
        { name: "GitHub", url: "https://github.com/byline" },
      ],
      requireStaffTotp: true,
      registrationClosed: false,
    });
    const pub = await getSiteSettings();
    expect(pub).toMatchObject({ icp: form.icp, copyright: form.copyright, social: back.social });
    expect(await isStaffTotpRequired()).toBe(true);
    expect(
      (await db.siteSetting.findUniqueOrThrow({ where: { key: "security.requireStaffTotp" } })).value,
    ).toBe(true);

    // an unticked checkbox is absent from the form: off
    await fromIp("203.0.113.40", () =>
      updateSiteSettings(admin, { ...form, icp: "京ICP备2026000002号-1", requireStaffTotp: undefined }),
    );
    expect(await isStaffTotpRequired()).toBe(false);
    const row = await db.auditLog.findFirstOrThrow({
      where: { actorId: admin.id, action: "settings.update" },
      orderBy: { id: "desc" },
    });
    expect(row.ip).toBe("203.0.113.40");
    expect(Object.keys(row.meta as object).sort()).toEqual(["security.requireStaffTotp", "site.icp"]);
    expect(row.meta).toMatchObject({ "site.icp": { from: form.icp, to: "京ICP备2026000002号-1" } });
  });

  it("round-trips every issue-14 key: template, images, footer text, tip QR, registration switch", async () => {
    const admin = await createActor("ADMIN");
    const [logo, favicon, qr] = [await createMedia(), await createMedia(), await createMedia("image/webp")];
    const full = {
      ...form,
      name: "安全周刊",
      titleTemplate: "%s - 安全周刊",
      logoMediaId: logo.id,
      faviconMediaId: favicon.id,
      footerText: "本站文章欢迎转载，请注明出处。",
      tipQrMediaId: qr.id,
      tipCaption: "扫码请作者喝咖啡",
      registrationClosed: "on",
    };
    await updateSiteSettings(admin, full);
    const image = (m: typeof logo) => ({
      id: m.id,
      url: `/media/${m.storageKey}`,
      width: 320,
      height: 80,
      mime: m.mime,
    });
    expect(await getSettingsForAdmin(admin)).toMatchObject({
      name: "安全周刊",
      titleTemplate: "%s - 安全周刊",
      logo: image(logo),
      favicon: image(favicon),
      footerText: full.footerText,
      tipQr: image(qr),
      tipCaption: full.tipCaption,
      registrationClosed: true,
    });
    const pub = await getSiteSettings();
    expect(pub).toMatchObject({
      name: "安全周刊",
      titleTemplate: "%s - 安全周刊",
      logo: { url: `/media/${logo.storageKey}`, width: 320, height: 80 },
      footerText: full.footerText,
      tip: { url: `/media/${qr.storageKey}`, caption: full.tipCaption },
      registrationClosed: true,
    });
    expect(await isRegistrationOpen()).toBe(false);
    const audit = await db.auditLog.findFirstOrThrow({
      where: { actorId: admin.id, action: "settings.update" },
      orderBy: { id: "desc" },
    });
    expect(audit.meta).toMatchObject({
      "site.titleTemplate": { from: null, to: "%s - 安全周刊" },
      "site.logo": { to: { id: logo.id } },
      "site.registrationClosed": { to: true },
    });

    // fields left out keep their value; "" removes an image: back to the defaults
    await updateSiteSettings(admin, { ...form, logoMediaId: "", tipQrMediaId: "" });
    const after = await getSettingsForAdmin(admin);
    expect(after).toMatchObject({
      logo: null,
      tipQr: null,
      favicon: image(favicon),
      titleTemplate: "%s - 安全周刊",
    });
    expect(after.registrationClosed).toBe(false);
    expect(await db.siteSetting.count({ where: { key: { in: ["site.logo", "site.tipQr"] } } })).toBe(0);
    expect(await getSiteSettings()).toMatchObject({ logo: null, tip: null });
  });

  it("fills in defaults for the public chrome when keys are missing", async () => {
    await db.siteSetting.deleteMany({ where: { key: { in: settingKeys } } });
    const pub = await getSiteSettings();
    expect(pub).toMatchObject({
      name: "署名 Byline",
      titleTemplate: "%s · 署名 Byline",
      logo: null,
      favicon: null,
      tip: null,
      registrationClosed: false,
    });
    expect(pub.footerText).toContain("文章版权归作者所有");
    expect(await isRegistrationOpen()).toBe(true);
  });

  it("refuses hostile input with messages and writes nothing", async () => {
    const admin = await createActor("ADMIN");
    const before = await db.siteSetting.findMany({
      where: { key: { in: settingKeys } },
      orderBy: { key: "asc" },
    });
    await expect(
      updateSiteSettings(admin, { ...form, social: "微博 javascript:alert(1)" }),
    ).rejects.toMatchObject({
      name: "ZodError",
      issues: [expect.objectContaining({ message: expect.stringContaining("第 1 行") })],
    });
    await expect(updateSiteSettings(admin, { ...form, name: "" })).rejects.toMatchObject({
      name: "ZodError",
    });
    await expect(updateSiteSettings(admin, { ...form, "site.specialTag": "x" })).rejects.toMatchObject({
      name: "ZodError",
    });
    for (const titleTemplate of ["署名 Byline", "%s - %s", "%s\u0000"]) {
      await expect(updateSiteSettings(admin, { ...form, titleTemplate })).rejects.toMatchObject({
        name: "ZodError",
      });
    }
    for (const logoMediaId of ["../../etc/passwd", { not: "" }, "x".repeat(65)]) {
      await expect(updateSiteSettings(admin, { ...form, logoMediaId })).rejects.toMatchObject({
        name: "ZodError",
      });
    }
    await expect(
      updateSiteSettings(admin, { ...form, footerText: "页脚".repeat(101) }),
    ).rejects.toMatchObject({
      name: "ZodError",
    });
    // a Media id that does not exist: 400 naming the field, and the valid name change is not written either
    const missing = updateSiteSettings(admin, { ...form, name: "不该保存", tipQrMediaId: `c${uid()}` });
    await expect(missing).rejects.toMatchObject({
      code: "INVALID",
      status: 400,
      fieldErrors: { tipQrMediaId: [expect.stringContaining("赞赏二维码")] },
    });
    expect(
      await db.siteSetting.findMany({ where: { key: { in: settingKeys } }, orderBy: { key: "asc" } }),
    ).toEqual(before);
  });

  it("closed registration refuses register-user, even called directly", async () => {
    const admin = await createActor("ADMIN");
    await updateSiteSettings(admin, { ...form, registrationClosed: "on" });
    const email = `closed-${uid()}@example.com`;
    const attempt = registerUser(
      { email, displayName: "新读者", password: "a long enough passphrase" },
      { ip: "10.9.0.1", limiter: new RateLimiter() },
    );
    await expect(attempt).rejects.toMatchObject({ code: "FORBIDDEN", status: 403 });
    expect(await db.user.count({ where: { email } })).toBe(0);

    await updateSiteSettings(admin, form);
    await expect(
      registerUser(
        { email, displayName: "新读者", password: "a long enough passphrase" },
        { ip: "10.9.0.2", limiter: new RateLimiter() },
      ),
    ).resolves.toMatchObject({ outcome: "created" });
  });

  it("is for admins only", async () => {
    await expect(updateSiteSettings(await createActor("EDITOR"), form)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(getSettingsForAdmin(null)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });
});
