import {
  expect,
  request as playwrightRequest,
  test,
  type APIRequestContext,
  type Page,
} from "@playwright/test";
import { authStatePath } from "../auth-state";
import { expectNoSeriousA11yViolations } from "../public/helpers";
import { liveArticle } from "./saving-db";

/**
 * IOC 区块 (issue 16): an editor inserts an IOC block, pastes a list of 10 mixed indicators (partly
 * defanged, mixed separators, one duplicate), checks the detected types, saves and publishes. The
 * public page shows them defanged, never as links, and 复制 gives the real (refanged) value; the
 * CSV, STIX 2.1 and MISP exports name all 10; an unknown article is 404, a bad format 400.
 *
 * Clipboard: both contexts are granted clipboard-read and clipboard-write, so the list is really
 * pasted (navigator.clipboard.writeText, then Ctrl+V in the textarea) and what 复制 wrote is read
 * back with navigator.clipboard.readText(): Debian's headless Chromium keeps its own in-memory
 * clipboard per browser, and both calls work on localhost (a secure context) with these grants.
 */

const MD5 = "0badc0de0badc0de0badc0de0badc0de";
const SHA1 = "DEADBEEF".repeat(5); // upper case on input: stored and exported in lower case
const SHA256 = "c0ffee00".repeat(8);
const REGKEY = "HKLM\\Software\\Microsoft\\Windows\\CurrentVersion\\Run\\updater";

/** One line, comma, semicolon and space separated, partly defanged; 198.51.100.23 is there twice. */
const PASTED = [
  "hxxp://evil-update[.]com/payload.exe",
  "198.51.100[.]23, 2001:db8::dead:beef; bad-domain[.]top",
  "attacker[@]mail-phish[.]ru",
  `${MD5} ${SHA1}`,
  SHA256,
  "invoice_2024.docm, 198.51.100.23",
  REGKEY,
].join("\n");

type Expected = {
  /** the <select> value and its label in the editor and the public table */
  type: string;
  label: string;
  /** the real value: the editor's field, the copy button, the exports */
  value: string;
  /** what a reader sees */
  shown: string;
  /** the STIX 2.1 pattern the indicator carries */
  pattern: string;
};

const stixString = (s: string) => `'${s.replace(/[\\']/g, (c) => `\\${c}`)}'`;
const row = (type: string, label: string, value: string, shown: string, path: string): Expected => ({
  type,
  label,
  value,
  shown,
  pattern: `[${path} = ${stixString(type === "regkey" ? value.replace(/^HKLM/, "HKEY_LOCAL_MACHINE") : value)}]`,
});

// in paste order; defangIoc brackets every dot of a host (198[.]51[.]100[.]23), not only the last
const EXPECTED: Expected[] = [
  row(
    "url",
    "URL",
    "http://evil-update.com/payload.exe",
    "hxxp://evil-update[.]com/payload.exe",
    "url:value",
  ),
  row("ipv4", "IPv4 地址", "198.51.100.23", "198[.]51[.]100[.]23", "ipv4-addr:value"),
  row("ipv6", "IPv6 地址", "2001:db8::dead:beef", "2001[:]db8[:][:]dead[:]beef", "ipv6-addr:value"),
  row("domain", "域名", "bad-domain.top", "bad-domain[.]top", "domain-name:value"),
  row("email", "电子邮件地址", "attacker@mail-phish.ru", "attacker[@]mail-phish[.]ru", "email-addr:value"),
  row("md5", "MD5", MD5, MD5, "file:hashes.MD5"),
  row("sha1", "SHA-1", SHA1.toLowerCase(), SHA1.toLowerCase(), "file:hashes.'SHA-1'"),
  row("sha256", "SHA-256", SHA256, SHA256, "file:hashes.'SHA-256'"),
  row("filename", "文件名", "invoice_2024.docm", "invoice_2024.docm", "file:name"),
  row("regkey", "注册表键", REGKEY, REGKEY, "windows-registry-key:key"),
];

const CLIPBOARD = ["clipboard-read", "clipboard-write"];
const sorted = (xs: readonly string[]) => [...xs].sort();

let anon: APIRequestContext;
test.beforeAll(async () => {
  anon = await playwrightRequest.newContext({
    baseURL: process.env.BASE_URL ?? "http://localhost:3000",
    storageState: { cookies: [], origins: [] },
  });
});
test.afterAll(async () => {
  await anon.dispose();
});

async function createDraft(p: Page, title: string) {
  await p.goto("/editor/articles/new");
  await p.getByRole("textbox", { name: "标题", exact: true }).fill(title);
  await p.getByRole("combobox", { name: "分类" }).selectOption({ label: "漏洞" });
  await p.getByRole("button", { name: "创建草稿并开始编辑" }).click();
  await expect(p).toHaveURL(/\/editor\/articles\/(?!new)[\w-]+$/, { timeout: 30_000 });
  await expect(p.getByRole("toolbar", { name: "正文格式" })).toBeVisible({ timeout: 30_000 });
  return p.url().split("/").pop()!;
}

/** The export of the article in one format, once the published article answers it. */
async function exported(publicId: string, format: string) {
  const url = `/api/articles/${publicId}/ioc?format=${format}`;
  await expect.poll(async () => (await anon.get(url)).status(), { timeout: 30_000 }).toBe(200);
  return anon.get(url);
}

test("an editor pastes 10 indicators into an IOC block and publishes: defanged, copyable, exported", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const stamp = Date.now().toString(36);
  const title = `e2e IOC 区块 ${stamp}`;

  // ── the editor ───────────────────────────────────────────────────────────────────────────
  const editorContext = await browser.newContext({
    storageState: authStatePath("EDITOR"),
    permissions: CLIPBOARD,
  });
  const page = await editorContext.newPage();
  const id = await createDraft(page, title);
  await page.getByRole("textbox", { name: "正文" }).click();
  await page.keyboard.type(`样本回连的指标如下 ${stamp}：`);
  await page
    .getByRole("toolbar", { name: "正文格式" })
    .getByRole("button", { name: "插入 IOC 区块" })
    .click();
  const block = page.getByRole("region", { name: "IOC 指标" });
  await expect(block.getByRole("heading", { name: "IOC 指标（0 条）" })).toBeVisible();

  const list = block.getByRole("textbox", { name: "粘贴指标列表" });
  await page.evaluate((text) => navigator.clipboard.writeText(text), PASTED);
  await list.focus();
  await page.keyboard.press("ControlOrMeta+V");
  await expect(list).toHaveValue(PASTED);
  await block.getByRole("button", { name: "识别并添加" }).click();
  await expect(block.getByRole("status")).toHaveText("已添加 10 条，跳过重复 1 条。");
  await expect(list).toHaveValue("");
  await expect(block.getByRole("heading", { name: "IOC 指标（10 条）" })).toBeVisible();
  for (const [i, e] of EXPECTED.entries()) {
    const n = i + 1;
    await expect(block.getByRole("combobox", { name: `第 ${n} 行类型` })).toHaveValue(e.type);
    await expect(
      block.getByRole("combobox", { name: `第 ${n} 行类型` }).locator("option:checked"),
    ).toHaveText(e.label);
    await expect(block.getByRole("textbox", { name: `第 ${n} 行指标` })).toHaveValue(e.value);
    await expect(block.getByRole("textbox", { name: `第 ${n} 行指标` })).toHaveAttribute(
      "aria-invalid",
      "false",
    );
    // new rows are marked malicious by default; make sure, as an editor would
    await block.getByRole("checkbox", { name: `第 ${n} 行为恶意指标` }).check();
  }
  await block.getByRole("textbox", { name: "第 1 行说明" }).fill("投递载荷的下载地址");
  await expectNoSeriousA11yViolations(page);

  await page.getByRole("button", { name: "保存", exact: true }).click();
  await expect(page.getByTestId("save-status")).toHaveText(/已保存 \d\d:\d\d/, { timeout: 30_000 });
  await page.getByRole("button", { name: "发布", exact: true }).click();
  await expect(page.getByText(/发布于/)).toBeVisible({ timeout: 30_000 });
  const { publicId, bodyText } = await liveArticle(id);
  // the plain text (search, feeds) carries the values as readers see them
  expect(bodyText).toContain("hxxp://evil-update[.]com/payload.exe");
  expect(bodyText).not.toContain("evil-update.com");
  await editorContext.close();

  // ── the public page ──────────────────────────────────────────────────────────────────────
  const readerContext = await browser.newContext({
    storageState: { cookies: [], origins: [] },
    permissions: CLIPBOARD,
  });
  const reader = await readerContext.newPage();
  await expect
    .poll(async () => (await reader.goto(`/posts/${publicId}`))?.status(), { timeout: 30_000 })
    .toBe(200);
  const ioc = reader.locator(".article-body .ioc-block");
  await expect(ioc).toBeVisible({ timeout: 30_000 });
  const rows = ioc.locator("tbody tr");
  await expect(rows).toHaveCount(EXPECTED.length);
  for (const [i, e] of EXPECTED.entries()) {
    const cells = rows.nth(i).getByRole("cell");
    await expect(cells.nth(0)).toHaveText(e.label);
    await expect(cells.nth(1).locator("code")).toHaveText(e.shown);
    await expect(cells.nth(3)).toHaveText("恶意");
  }
  await expect(rows.nth(0).getByRole("cell").nth(2)).toHaveText("投递载荷的下载地址");
  // never links: nothing in the block, nothing on the page points at an indicator
  await expect(ioc.locator("a")).toHaveCount(0);
  await expect(reader.locator('[href*="evil-update"]')).toHaveCount(0);
  for (const host of ["bad-domain", "mail-phish", "198.51.100"])
    await expect(reader.locator(`[href*="${host}"], [src*="${host}"]`)).toHaveCount(0);
  await expectNoSeriousA11yViolations(reader);

  // 复制 writes the real value (the button's data-ioc-copy) to the clipboard, and says so
  for (const [i, e] of EXPECTED.entries()) {
    const copy = rows.nth(i).locator("button[data-ioc-copy]");
    await copy.click();
    await expect(copy).toHaveText("已复制");
    await expect(reader.getByRole("status").filter({ hasText: `已复制：${e.value}` })).toHaveCount(1);
    expect(await reader.evaluate(() => navigator.clipboard.readText())).toBe(e.value);
  }
  await readerContext.close();

  // ── the exports ──────────────────────────────────────────────────────────────────────────
  const values = EXPECTED.map((e) => e.value);

  const stix = await exported(publicId, "stix");
  expect(stix.headers()["content-type"]).toBe("application/stix+json;version=2.1");
  expect(stix.headers()["content-disposition"]).toBe(
    `attachment; filename="byline-${publicId}-ioc.stix.json"`,
  );
  const bundle = JSON.parse(await stix.text()) as {
    type: string;
    objects: Array<Record<string, unknown> & { type: string; id: string }>;
  };
  expect(bundle.type).toBe("bundle");
  const indicators = bundle.objects.filter((o) => o.type === "indicator");
  expect(indicators).toHaveLength(EXPECTED.length);
  const reports = bundle.objects.filter((o) => o.type === "report");
  expect(reports).toHaveLength(1);
  expect(reports[0]!.name).toBe(title);
  expect(sorted(reports[0]!.object_refs as string[])).toEqual(sorted(indicators.map((o) => o.id)));
  expect(sorted(indicators.map((o) => o.pattern as string))).toEqual(sorted(EXPECTED.map((e) => e.pattern)));
  for (const e of EXPECTED) {
    const indicator = indicators.find((o) => o.pattern === e.pattern)!;
    expect(indicator.name).toBe(`${e.label} ${e.value}`);
    expect(indicator.indicator_types).toEqual(["malicious-activity"]);
    expect(indicator.pattern_type).toBe("stix");
  }

  const csv = await exported(publicId, "csv");
  expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect([...(await csv.body()).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const csvText = await csv.text();
  expect(csvText).toContain("type,type_label,value,context,malicious,article_url");
  for (const v of values) expect(csvText).toContain(v);

  const misp = await exported(publicId, "misp");
  expect(misp.headers()["content-type"]).toBe("application/json; charset=utf-8");
  const event = (
    JSON.parse(await misp.text()) as {
      Event: {
        info: string;
        Tag: Array<{ name: string }>;
        Attribute: Array<{ value: string; to_ids: boolean }>;
      };
    }
  ).Event;
  expect(event.info).toBe(title);
  expect(event.Tag).toContainEqual({ name: "tlp:clear" });
  expect(sorted(event.Attribute.map((a) => a.value))).toEqual(sorted(values));
  expect(event.Attribute.every((a) => a.to_ids)).toBe(true);

  // an unknown article is not found; a format we do not make is refused, in zh-CN JSON
  const unknown = await anon.get(`/api/articles/zz${stamp}/ioc?format=stix`);
  expect(unknown.status()).toBe(404);
  expect(await unknown.json()).toEqual({ error: expect.objectContaining({ code: "NOT_FOUND" }) });
  const bad = await anon.get(`/api/articles/${publicId}/ioc?format=pdf`);
  expect(bad.status()).toBe(400);
  expect(bad.headers()["content-type"]).toMatch(/^application\/json/);
  expect(await bad.json()).toEqual({
    error: expect.objectContaining({
      code: "INVALID",
      message: "导出格式无效：format 须为 csv、stix 或 misp。",
    }),
  });
});
