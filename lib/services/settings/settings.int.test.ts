import { beforeEach, describe, expect, it } from "vitest";
import { tags } from "@/lib/cache-tags";
import { db } from "@/lib/db";
import { invalidated } from "@/lib/test/next-mocks";
import { getSiteSettings } from "../public/get-site-settings";
import { createActor, fromIp } from "../admin/test-helpers";
import { getSettingsForAdmin } from "./get-settings-for-admin";
import { isStaffTotpRequired } from "./is-staff-totp-required";
import { updateSiteSettings } from "./update-site-settings";

const form = {
  name: "署名 Byline",
  tagline: "原创报道与安全译文",
  icp: "京ICP备2026000001号-1",
  copyright: "© 2026 署名",
  social: "微博 https://weibo.com/byline\r\nGitHub https://github.com/byline",
  requireStaffTotp: "on",
};

beforeEach(() => {
  invalidated.length = 0;
});

describe("site settings", () => {
  it("round-trips through the public reader and the admin form, audits only what changed", async () => {
    const admin = await createActor("ADMIN");
    await fromIp("203.0.113.40", () => updateSiteSettings(admin, form));
    expect(invalidated).toContain(tags.settings());
    const back = await getSettingsForAdmin(admin);
    expect(back).toEqual({
      name: form.name,
      tagline: form.tagline,
      icp: form.icp,
      copyright: form.copyright,
      social: [
        { name: "微博", url: "https://weibo.com/byline" },
        { name: "GitHub", url: "https://github.com/byline" },
      ],
      requireStaffTotp: true,
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

  it("refuses malformed social links and unknown fields with messages", async () => {
    const admin = await createActor("ADMIN");
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
  });

  it("is for admins only", async () => {
    await expect(updateSiteSettings(await createActor("EDITOR"), form)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(getSettingsForAdmin(null)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });
});
