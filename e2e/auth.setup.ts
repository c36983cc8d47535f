import { expect, test as setup } from "@playwright/test";
import { authStatePath, demoAccount, demoAccounts, loginThroughForm } from "./auth-state";

// One login per seeded role through the real form; specs reuse the cookies with
// test.use({ storageState: authStatePath("EDITOR") }).
for (const { role } of demoAccounts) {
  setup(`sign in as ${role}`, async ({ page }) => {
    const account = demoAccount(role);
    await loginThroughForm(page, account.email, account.password);
    await expect(page).not.toHaveURL(/\/login/);
    const me = await (await page.request.get("/api/me")).json();
    expect(me.user?.role).toBe(role);
    await page.context().storageState({ path: authStatePath(role) });
  });
}
