import { expect, test } from "@playwright/test";
import { authStatePath } from "../auth-state";

test.describe("导出与导入 (admin)", () => {
  test.use({ storageState: authStatePath("ADMIN") });

  test("an admin downloads the site archive (a zip with manifest.json)", async ({ page }) => {
    await page.goto("/admin/transfer");
    const download = page.waitForEvent("download", { timeout: 60_000 });
    await page.getByTestId("export-link").click();
    const file = await (await download).createReadStream();
    const chunks: Buffer[] = [];
    for await (const c of file) chunks.push(c as Buffer);
    const zip = Buffer.concat(chunks);
    expect(zip.subarray(0, 2).toString()).toBe("PK");
    expect(zip.includes(Buffer.from("manifest.json"))).toBe(true);
    expect(zip.includes(Buffer.from("data/articles.ndjson"))).toBe(true);
  });

  test("a hostile upload is refused with its reason, merge confirmed or not", async ({ page }) => {
    await page.goto("/admin/transfer");
    const form = page.getByTestId("import-form");
    // the e2e site has content: without the merge confirmation the site itself is the refusal
    const notZip = {
      name: "site.zip",
      mimeType: "application/zip",
      buffer: Buffer.from("PK\u0003\u0004 truncated"),
    };
    await form.getByLabel("站点归档（.zip）").setInputFiles(notZip);
    await form.getByRole("button", { name: "导入" }).click();
    await expect(form.getByRole("alert")).toContainText("本站已有内容", { timeout: 60_000 });
    await form.getByLabel(/合并到已有内容/).check();
    await form.getByRole("button", { name: "导入" }).click();
    await expect(form.getByRole("alert")).toContainText("不是完整的 zip 归档", { timeout: 60_000 });
  });
});

test.describe("导出与导入 (non-admin)", () => {
  test.use({ storageState: authStatePath("EDITOR") });

  test("an editor gets 404 on the page and 403/404 from both routes", async ({ page }) => {
    const res = await page.goto("/admin/transfer");
    expect(res?.status()).toBe(404);
    expect([403, 404]).toContain((await page.request.get("/api/admin/transfer/export")).status());
    const origin = new URL(page.url()).origin;
    const post = await page.request.post("/api/admin/transfer/import?mode=merge&confirm=merge", {
      headers: { "content-type": "application/zip", origin },
      data: Buffer.from("PK"),
    });
    expect([403, 404]).toContain(post.status());
  });
});
