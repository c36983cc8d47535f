import crypto from "node:crypto";
import fs from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { authStatePath } from "../auth-state";
import { withDb } from "../db";

/**
 * 导出 CSV on 审计日志 (issue 14): the file holds one row per entry of the filtered view, in
 * Beijing time, with a BOM; a formula in a cell is neutralised; non-admins get 404.
 */

async function seedEntries(prefix: string, n: number) {
  await withDb(async (c) => {
    for (let i = 0; i < n; i++) {
      await c.query(`INSERT INTO audit_logs (action, "targetType", "targetId") VALUES ($1, 'user', $2)`, [
        `${prefix}.row`,
        i === 0 ? "=HYPERLINK(1)" : `t${i}`,
      ]);
    }
  });
}

test.describe("an admin", () => {
  test.use({ storageState: authStatePath("ADMIN") });

  test("downloads the filtered view as CSV, one row per entry", async ({ page }) => {
    const prefix = `e2e${crypto.randomBytes(4).toString("hex")}`;
    await seedEntries(prefix, 3);
    await page.goto("/admin/audit");
    await page.getByLabel("操作（前缀，如 user.）").fill(`${prefix}.`);
    await page.getByRole("button", { name: "筛选" }).click();
    await expect(page.getByTestId("audit-row")).toHaveCount(3);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "导出 CSV" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^audit-log-\d{8}\.csv$/);
    const bytes = await fs.readFile((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString("utf8").slice(1).trimEnd().split("\r\n");
    expect(lines[0]).toMatch(/^编号,时间（北京时间）,操作人/);
    expect(lines.slice(1)).toHaveLength(3);
    for (const line of lines.slice(1)) expect(line).toContain(`${prefix}.row`);
    expect(lines.slice(1).some((l) => l.includes(",'=HYPERLINK(1),"))).toBe(true);
  });

  test("a malformed filter is a 400 with a message, not a wider export", async ({ page }) => {
    const res = await page.request.get("/api/admin/audit/export?from=2025-99-99");
    expect(res.status()).toBe(400);
    expect((await res.json()).error.message).toMatch(/[\u4e00-\u9fff]/);
  });
});

for (const role of ["EDITOR", "READER"] as const) {
  test.describe(role.toLowerCase(), () => {
    test.use({ storageState: authStatePath(role) });

    test("gets 404 from the export route", async ({ page }) => {
      const res = await page.request.get("/api/admin/audit/export");
      expect(res.status()).toBe(404);
    });
  });
}
