import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { faultActionId } from "@/lib/test/action-manifest";
import { faultDatabaseUrl, startFaultServer, type FaultServer } from "@/lib/test/fault-server";
import { signIn } from "./test/fault-client";
import { send } from "./test/http-client";

// Finding 4 (malformed paths), 12 and 7c (bodies) against the production server: every answer
// is our 4xx with a zh-CN message, decided before Next.js, never a 500.
let srv: FaultServer;
let publicId: string;

const actionId = faultActionId;

beforeAll(async () => {
  srv = await startFaultServer({ name: "request-guard" });
  const client = new pg.Client({ connectionString: faultDatabaseUrl() });
  await client.connect();
  publicId = (
    await client.query<{ publicId: string }>(
      `select "publicId" from articles where status = 'PUBLISHED' limit 1`,
    )
  ).rows[0]!.publicId;
  await client.end();
});
afterAll(async () => {
  await srv?.stop("SIGKILL");
});

describe("malformed paths", () => {
  it.each(["/posts/%E0%A4%A", "/tag/%C0%AF", "/member/%FF", "/category/%", "/posts/%ED%A0%80", "/tag/%00"])(
    "%s is a 400 with a zh-CN page",
    async (p) => {
      const r = await send(srv.base, { path: p });
      expect(r.status).toBe(400);
      expect(r.headers["content-type"]).toContain("text/html");
      expect(r.body).toContain("网址中含有无法识别的字符");
    },
  );

  it("a well-formed escaped path still reaches the page", async () => {
    expect((await send(srv.base, { path: `/posts/${publicId}` })).status).toBe(200);
    expect((await send(srv.base, { path: `/tag/${encodeURIComponent("安全")}` })).status).toBeLessThan(500);
  });
});

describe("request bodies", () => {
  const commentAction = () => actionId("app/(public)/posts/[publicId]/actions.ts", "createCommentAction");
  // Next.js aborts an action whose Origin is not the Host it was sent to (a 500 of its own, before
  // our origin check), so the action calls name the build's host, as a browser on the site would
  const actionHeaders = () => ({
    "next-action": commentAction(),
    accept: "text/x-component",
    "content-type": "text/plain;charset=UTF-8",
    origin: srv.origin,
    host: new URL(srv.origin).host,
  });

  it("a server-action body over Next.js' 1 MB but within our 2 MB reaches the action (no 500)", async () => {
    // the comment form as the browser sends it (React's reply encoding: row 0 is the argument
    // list, the FormData's fields carry the prefix "1_"), with a 1.5 MB comment
    const boundary = "----bylinefault";
    const part = (name: string, value: string) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    const body =
      part("0", JSON.stringify([null, "$K1"])) + part("1_body", "长".repeat(500_000)) + `--${boundary}--\r\n`;
    expect(Buffer.byteLength(body)).toBeGreaterThan(1024 * 1024);
    const r = await send(srv.base, {
      method: "POST",
      path: `/posts/${publicId}`,
      headers: {
        ...actionHeaders(),
        "content-type": `multipart/form-data; boundary=${boundary}`,
        "content-length": Buffer.byteLength(body),
      },
      rawBody: body,
    });
    expect(r.status).toBe(200);
    // the action itself answered: signed out, so refused as a value
    expect(r.body).toMatch(/"ok":false/);
  });

  it("a server-action body over 2 MB is our 413 in JSON, at once", async () => {
    const r = await send(srv.base, {
      method: "POST",
      path: `/posts/${publicId}`,
      headers: { ...actionHeaders(), "content-length": 3 * 1024 * 1024 },
    });
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body)).toEqual({
      error: { code: "PAYLOAD_TOO_LARGE", message: "请求内容过大（上限 2 MB），请精简内容后重试。" },
    });
  });

  it("a server action's JSON arguments nested 100,000 deep are our 400, not React's stack overflow (a 500)", async () => {
    const r = await send(srv.base, {
      method: "POST",
      path: `/posts/${publicId}`,
      headers: actionHeaders(),
      rawBody: "[".repeat(100_000),
    });
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body).error.message).toBe("提交的内容嵌套层级过深，请刷新页面后重试。");
  });

  it("a 10 MB JSON body to the view beacon is refused with 413, not read and accepted", async () => {
    const r = await send(srv.base, {
      method: "POST",
      path: `/api/views/${publicId}`,
      headers: { "content-type": "application/json", "content-length": 10 * 1024 * 1024, origin: srv.origin },
      totalBytes: 10 * 1024 * 1024,
    });
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body).error.message).toContain("请求内容过大");
  });

  it("an oversized chunked upload is refused early with 413, long before the client has sent it", async () => {
    // signed in as staff, so the route would read the body (signed out, it answers 401 unread)
    const cookie = await signIn(srv, "editor-chen@byline.test");
    const r = await send(srv.base, {
      method: "POST",
      path: "/api/media",
      headers: { "content-type": "multipart/form-data; boundary=x", origin: srv.origin, cookie },
      totalBytes: 200 * 1024 * 1024,
    });
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body).error.message).toBe("图片不能超过 10 MB，请压缩后再上传。");
    console.log(
      `oversized chunked upload: 413 after the client wrote ${(r.sentBytes / 1024 / 1024).toFixed(1)} MB of 200 MB`,
    );
    expect(r.sentBytes).toBeLessThan(40 * 1024 * 1024);
  });

  it("the server still answers normally afterwards", async () => {
    expect((await fetch(`${srv.base}/api/health`)).status).toBe(200);
  });
});
