import crypto from "node:crypto";
import { expect, test } from "@playwright/test";
import sharp from "sharp";
import { demoAccount, loginThroughForm } from "../auth-state";
import { query } from "../authz/server-actions";

/** 个人资料: a reader renames themselves, adds a bio and an avatar; the header and /api/me follow. */
test("a reader edits their display name, bio and avatar", async ({ page }) => {
  const { email: demoEmail, password } = demoAccount("READER");
  const [demo] = await query<{ passwordHash: string }>('select "passwordHash" from users where email = $1', [
    demoEmail,
  ]);
  const id = `e2e-${crypto.randomUUID()}`;
  const email = `profile-${crypto.randomBytes(4).toString("hex")}@byline.test`;
  await query(
    "insert into users (id, email, \"passwordHash\", role, status, \"updatedAt\") values ($1, $2, $3, 'READER', 'ACTIVE', now())",
    [id, email, demo!.passwordHash],
  );
  await query(
    'insert into profiles ("userId", "publicId", "displayName", "updatedAt") values ($1, $2, $3, now())',
    [id, crypto.randomBytes(4).toString("hex"), "资料测试"],
  );

  await loginThroughForm(page, email, password, "/me/profile");
  const form = page.getByTestId("profile-form");
  await expect(form.getByLabel(/显示名称/)).toHaveValue("资料测试");

  // too short: refused, what was typed stays
  await form.getByLabel(/显示名称/).fill("x");
  await form.getByLabel(/个人简介/).fill("关注漏洞研究。");
  await form.getByRole("button", { name: "保存" }).click();
  await expect(form.getByRole("alert")).toBeVisible();
  await expect(form.getByLabel(/个人简介/)).toHaveValue("关注漏洞研究。");

  const avatar = await sharp({ create: { width: 300, height: 200, channels: 3, background: "#c0392b" } })
    .png()
    .toBuffer();
  await form.getByLabel(/显示名称/).fill("漏洞猎人");
  await form
    .getByLabel(/上传新头像/)
    .setInputFiles({ name: "me.png", mimeType: "image/png", buffer: avatar });
  await form.getByRole("button", { name: "保存" }).click();
  await expect(form.getByRole("status")).toHaveText("个人资料已保存。");
  await expect(form.getByTestId("current-avatar")).toHaveAttribute("src", /^\/media\/.+\.webp$/);

  const me = (await (await page.request.get("/api/me")).json()).user;
  expect(me).toMatchObject({ displayName: "漏洞猎人" });
  expect(me.avatarUrl).toMatch(/\.webp$/);
  const [row] = await query<{ bio: string }>('select bio from profiles where "userId" = $1', [id]);
  expect(row?.bio).toBe("关注漏洞研究。");
});
