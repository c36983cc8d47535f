import crypto from "node:crypto";
import { hash } from "@node-rs/argon2";
import { expect, type Page } from "@playwright/test";
import { readMailDir, resetLinkOf } from "../../lib/mail/read-mail-dir";
import { openCaptcha } from "../../lib/security/captcha-token";
import { withDb } from "../db";

/**
 * Fresh accounts straight in the e2e database: changing a demo account's password would end the
 * sessions every other spec borrows from e2e/.auth, and registering through the form is limited
 * to 5 an hour per IP (the register spec does that once).
 */
export async function createAccount(role = "READER") {
  const id = crypto.randomBytes(6).toString("hex");
  const email = `acct-${id}@byline.test`;
  const password = `violet ferry ${id} at dusk`;
  const passwordHash = await hash(password, { algorithm: 2, memoryCost: 1024, timeCost: 1, parallelism: 1 });
  await withDb(async (c) => {
    await c.query(
      `INSERT INTO users (id, email, "passwordHash", role, "updatedAt") VALUES ($1, $2, $3, $4, now())`,
      [`e2e${id}`, email, passwordHash, role],
    );
    await c.query(
      `INSERT INTO profiles ("userId", "publicId", "displayName", "updatedAt") VALUES ($1, $2, $3, now())`,
      [`e2e${id}`, `e${id}`, `测试${id.slice(0, 4)}`],
    );
  });
  return { email, password };
}

/** The reset link mailed to `email` (the server writes mail to MAIL_DIR in test mode). */
export async function resetLinkFor(email: string): Promise<string> {
  const dir = process.env.MAIL_DIR!;
  let link: string | null = null;
  await expect
    .poll(async () => {
      const [mail] = await readMailDir(dir, email);
      link = mail ? resetLinkOf(mail.text) : null;
      return link;
    })
    .not.toBeNull();
  return link!;
}

/**
 * The answer to the captcha on the page. Test-only by construction, not by a switch in the app:
 * tokens are sealed with AUTH_SECRET, which the e2e runner shares with this process. Nobody
 * without the server's secret can do this.
 */
export async function solveCaptcha(page: Page): Promise<string> {
  const field = page.locator('input[name="captchaToken"]');
  await expect(field).not.toHaveValue("");
  const token = await field.inputValue();
  const answer = openCaptcha(token, process.env.AUTH_SECRET!)?.answer;
  if (!answer) throw new Error("captcha token did not open with AUTH_SECRET");
  await page.getByLabel("图形验证码").fill(answer.toLowerCase());
  return token;
}

export async function loginAs(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("邮箱").fill(email);
  await page.getByLabel("密码", { exact: true }).fill(password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
}

export const formAlert = (page: Page) =>
  page.locator("[role=alert]:not(#__next-route-announcer__), [role=status]").first();
