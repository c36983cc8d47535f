import path from "node:path";
import type { Page } from "@playwright/test";
import { DEMO_PASSWORD, demoAccounts } from "../prisma/seed/demo-accounts";

export type DemoRole = (typeof demoAccounts)[number]["role"];

/** Saved login per seeded role: e2e/.auth/<role>.json (lower case), written by e2e/auth.setup.ts. */
export function authStatePath(role: DemoRole): string {
  return path.resolve(import.meta.dirname, ".auth", `${role.toLowerCase()}.json`);
}

export function demoAccount(role: DemoRole) {
  const account = demoAccounts.find((a) => a.role === role);
  if (!account) throw new Error(`no demo account for ${role}`);
  return { ...account, password: DEMO_PASSWORD };
}

/** Signs in through the real login form, the way a person would. */
export async function loginThroughForm(page: Page, email: string, password: string, next?: string) {
  await page.goto(next ? `/login?next=${encodeURIComponent(next)}` : "/login");
  await page.getByLabel("邮箱").fill(email);
  await page.getByLabel("密码", { exact: true }).fill(password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
}

export { demoAccounts };
