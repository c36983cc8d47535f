import http from "node:http";
import { chromium, type Browser, type Page } from "@playwright/test";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoAccount, loginThroughForm } from "@/e2e/auth-state";
import { actionId, callAction, signIn } from "@/lib/test/fault-actions";
import { faultDatabaseUrl, startFaultServer, type FaultServer } from "@/lib/test/fault-server";
import { startSiteProxy, type SiteProxy } from "@/lib/test/fault-proxy";

/**
 * Issue 11's saving guarantees against production servers:
 * 1. a save based on the version before publishing, delivered after publishing (a request whose
 *    body is held back until the article is live), is a CONFLICT and changes neither the live
 *    page nor the row;
 * 2. a server killed with SIGKILL while a save reaches it loses at most the unsaved seconds: what
 *    was saved before is in the database after a restart, and the editor, opened again on the
 *    same origin, offers the local copy that restores the rest.
 */

const ACTIONS = "app/(editor)/editor/articles/actions.ts";

let db: pg.Client;
beforeAll(async () => {
  db = new pg.Client({ connectionString: faultDatabaseUrl() });
  await db.connect();
});
afterAll(async () => {
  await db?.end();
});

type Row = { version: number; status: string; bodyText: string; publicId: string };
const row = async (id: string) =>
  (await db.query<Row>('SELECT version, status, "bodyText", "publicId" FROM articles WHERE id = $1', [id]))
    .rows[0]!;

const doc = (text: string) => ({
  type: "doc",
  content: [{ type: "paragraph", content: [{ type: "text", text }] }],
});

/** POSTs to the keepalive save route, sending all but the last byte of the body until `release` resolves. */
function delayedAutosave(
  srv: FaultServer,
  opts: { id: string; cookie: string; body: object; release: Promise<unknown> },
): Promise<{ status: number; json: { error?: { code?: string; message?: string } } }> {
  const payload = Buffer.from(JSON.stringify(opts.body));
  return new Promise((resolve, reject) => {
    const req = http.request(`${srv.base}/api/editor/articles/${opts.id}/autosave`, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        "Content-Length": String(payload.length),
        Cookie: opts.cookie,
        Origin: srv.origin,
      },
    });
    req.on("response", (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        try {
          resolve({ status: res.statusCode!, json: JSON.parse(text) });
        } catch {
          reject(new Error(`autosave answered ${res.statusCode} with non-JSON: ${text.slice(0, 200)}`));
        }
      });
      res.on("error", reject);
    });
    req.on("error", reject);
    req.write(payload.subarray(0, payload.length - 1));
    opts.release.then(
      () => req.end(payload.subarray(payload.length - 1)),
      (e: unknown) => (req.destroy(), reject(e)),
    );
  });
}

/**
 * 新建文章 through its form action over HTTP, encoded as React's encodeReply sends a
 * useActionState call (see e2e/authz/server-actions.ts): the fields as "_1_<name>" parts, then
 * "0". The action answers with a redirect to the new draft's editor.
 */
async function createDraft(srv: FaultServer, cookie: string, title: string): Promise<string> {
  const form = new FormData();
  for (const [k, v] of Object.entries({ kind: "original", title, categoryId: "1" }))
    form.append(`_1_${k}`, v);
  form.append("0", JSON.stringify([null, "$K1"]));
  const encoded = new Request("http://localhost/", { method: "POST", body: form });
  const payload = Buffer.from(await encoded.arrayBuffer());
  const redirect = await new Promise<string>((resolve, reject) => {
    const req = http.request(`${srv.base}/editor/articles/new`, {
      method: "POST",
      headers: {
        "Next-Action": actionId(ACTIONS, "createArticleAction"),
        Accept: "text/x-component",
        "Content-Type": encoded.headers.get("content-type")!,
        "Content-Length": String(payload.length),
        Host: new URL(srv.origin).host,
        Origin: srv.origin,
        Cookie: cookie,
      },
    });
    req.on("response", (res) => {
      res.resume();
      res.on("end", () => resolve(String(res.headers["x-action-redirect"] ?? `HTTP ${res.statusCode}`)));
    });
    req.on("error", reject);
    req.end(payload);
  });
  const id = redirect.match(/\/editor\/articles\/([\w-]+)/)?.[1];
  if (!id) throw new Error(`创建草稿失败: ${redirect}`);
  return id;
}

describe("a save based on the version before publishing, delivered after it", () => {
  let srv: FaultServer;
  beforeAll(async () => {
    srv = await startFaultServer({ name: "editorial-stale-save" });
  });
  afterAll(async () => {
    await srv?.stop("SIGKILL");
  });

  it("is a CONFLICT over HTTP and leaves the live page and the row as published", async () => {
    const stamp = Date.now();
    const cookie = await signIn(srv, "EDITOR");
    // a draft of its own, made through the 新建文章 form action (seeded drafts are other tests')
    const id = await createDraft(srv, cookie, `发布前后的保存 ${stamp}`);
    const published = `审定的正文 ${stamp}`;
    const stale = `发布前打开、发布后才送达的修改 ${stamp}`;
    const pagePath = `/editor/articles/${id}`;

    // the text readers should see, saved the ordinary way
    const saved = await callAction(srv, {
      pagePath,
      id: actionId(ACTIONS, "saveArticleAction"),
      args: [{ id, version: (await row(id)).version, body: doc(published) }],
      cookie,
    });
    expect(saved).toMatchObject({ status: 200, ok: true });
    const v = (await row(id)).version;

    // a tab on version V starts its keepalive save; its last byte arrives only after publishing
    let release!: () => void;
    const late = delayedAutosave(srv, {
      id,
      cookie,
      body: { version: v, kind: "AUTOSAVE", body: doc(stale) },
      release: new Promise<void>((r) => (release = r)),
    });
    const publish = await callAction(srv, {
      pagePath,
      id: actionId(ACTIONS, "publishArticleAction"),
      args: [{ id, version: v }],
      cookie,
    });
    release();
    expect(publish).toMatchObject({ status: 200, ok: true });
    const live = await row(id);
    expect(live.status).toBe("PUBLISHED");
    expect(live.version).toBeGreaterThan(v);
    expect(live.bodyText).toContain(published);

    const answer = await late;
    // and the same stale version through the save action, as a tab's autosave would send it
    const viaAction = await callAction(srv, {
      pagePath,
      id: actionId(ACTIONS, "saveArticleAction"),
      args: [{ id, version: v, kind: "AUTOSAVE", body: doc(stale) }],
      cookie,
    });
    console.log(
      `[fault] stale save after publishing (v${v} → v${live.version}): keepalive route ${answer.status} ${answer.json.error?.code}; ` +
        `save action ${viaAction.status} ${viaAction.code} in ${viaAction.ms} ms`,
    );
    expect(answer.status).toBe(409);
    expect(answer.json.error?.code).toBe("CONFLICT");
    expect(viaAction).toMatchObject({ status: 200, ok: false, code: "CONFLICT" });

    // nothing changed: the row, no pending edit, and what readers get over HTTP
    expect(await row(id)).toEqual(live);
    const pending = await db.query('SELECT 1 FROM article_pending_edits WHERE "articleId" = $1', [id]);
    expect(pending.rowCount).toBe(0);
    const page = await fetch(`${srv.base}/posts/${live.publicId}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(published);
    expect(html).not.toContain(stale);
  });
});

describe("SIGKILL while a save reaches the server", () => {
  let srv: FaultServer | null = null;
  let proxy: SiteProxy;
  let browser: Browser;

  beforeAll(async () => {
    srv = await startFaultServer({ name: "editorial-kill" });
    proxy = await startSiteProxy(srv.origin);
    proxy.setTarget(srv.base);
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic"],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await proxy?.close();
    await srv?.stop("SIGKILL");
  });

  const body = (p: Page) => p.getByRole("textbox", { name: "正文" });
  const status = (p: Page) => p.getByTestId("save-status");
  const T = 30_000;

  async function typeAtEnd(p: Page, text: string) {
    await body(p).click();
    await p.keyboard.press("Control+End");
    await p.keyboard.press("Enter");
    await p.keyboard.type(text);
  }

  it("loses only the unsaved text: the server keeps A, the editor offers the local copy with B", async () => {
    const stamp = Date.now();
    const context = await browser.newContext({
      baseURL: proxy.origin,
      locale: "zh-CN",
      timezoneId: "Asia/Shanghai",
    });
    const page = await context.newPage();
    page.setDefaultTimeout(T);

    // the real login form, then a new draft of the translator's own
    const translator = demoAccount("TRANSLATOR");
    await loginThroughForm(page, translator.email, translator.password);
    await page.waitForURL((u) => !u.pathname.startsWith("/login"), { timeout: T });
    await page.goto("/editor/articles/new");
    await page.getByRole("textbox", { name: "标题", exact: true }).fill(`断电测试 ${stamp}`);
    await page.getByRole("combobox", { name: "分类" }).selectOption({ label: "漏洞" });
    await page.getByRole("button", { name: "创建草稿并开始编辑" }).click();
    await page.waitForURL(/\/editor\/articles\/(?!new)[\w-]+$/, { timeout: T });
    await page.getByRole("toolbar", { name: "正文格式" }).waitFor({ timeout: T });
    const editorPath = new URL(page.url()).pathname;
    const id = editorPath.split("/").pop()!;

    // A is typed and autosaved: on the server, and the status line says so
    const a = `已经保存的段落 ${stamp}`;
    await typeAtEnd(page, a);
    await expect.poll(async () => (await row(id)).bodyText, { timeout: T }).toContain(a);
    await expect.poll(() => status(page).textContent(), { timeout: T }).toMatch(/已保存 \d\d:\d\d/);

    // B is typed; its autosave (3 s later) reaches the server, which is killed before it can act
    const b = `还没保存的段落 ${stamp}`;
    const held = proxy.holdNext(
      (r) =>
        r.method === "POST" &&
        r.path === editorPath &&
        r.headers["next-action"] === actionId(ACTIONS, "saveArticleAction") &&
        r.body.includes(b),
    );
    await typeAtEnd(page, b);
    await held;
    const killedAt = performance.now();
    const dead = srv!;
    srv = null;
    proxy.setTarget(null);
    await dead.stop("SIGKILL");

    // the editor says the save failed, and B is in this browser's local copy
    await expect
      .poll(() => status(page).getAttribute("data-state"), { timeout: T })
      .toMatch(/^(offline|retrying)$/);
    const local = await page.evaluate((key) => localStorage.getItem(key), `byline:article-backup:${id}`);
    expect(local).toContain(b);
    const afterKill = await row(id);
    expect(afterKill.bodyText).toContain(a);
    expect(afterKill.bodyText).not.toContain(b);
    // the writer leaves the broken page (its keepalive save finds no server either)
    await page.goto("about:blank");

    // the server comes back on the same database, behind the same origin
    const restartStarted = performance.now();
    srv = await startFaultServer({ name: "editorial-restarted" });
    const restartMs = Math.round(performance.now() - restartStarted);
    proxy.setTarget(srv.base);

    await page.goto(editorPath);
    const offer = page.getByRole("region", { name: "本机备份" });
    await expect.poll(() => offer.textContent(), { timeout: T }).toContain("发现本机保存的未同步内容");
    const offeredMs = Math.round(performance.now() - killedAt);
    const server = await row(id);
    expect(server.bodyText).toContain(a);
    expect(server.bodyText).not.toContain(b);
    expect(await body(page).textContent()).toContain(a);
    expect(await body(page).textContent()).not.toContain(b);

    await offer.getByRole("button", { name: "恢复本机内容" }).click();
    await expect.poll(() => body(page).textContent(), { timeout: T }).toContain(b);
    expect(await body(page).textContent()).toContain(a);
    await expect.poll(() => status(page).textContent(), { timeout: T }).toMatch(/已保存 \d\d:\d\d/);
    const restored = await row(id);
    expect(restored.bodyText).toContain(a);
    expect(restored.bodyText).toContain(b);
    console.log(
      `[fault] SIGKILL during a save: restart took ${restartMs} ms; local copy offered ${offeredMs} ms after the kill; ` +
        `server kept A (v${afterKill.version}), B restored from the local copy and saved (v${restored.version})`,
    );
    await context.close();
  });
});
