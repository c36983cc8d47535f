import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGate } from "./concurrency-gate.mjs";
import { createRequestGuard, TOO_DEEP_MESSAGE } from "./request-guard.mjs";
import { BODY_LIMITS } from "./request-limits.mjs";
import { listen, send } from "./test/http-client";

// The guard in front of a stand-in for Next.js that reads the whole body like a route handler
// does and answers with its size; `hold` keeps a gated request running until released.
let base: string;
let served: string[] = [];
const held: (() => void)[] = [];
const gates = {
  search: createGate({ max: 1, queue: 1, waitMs: 60_000 }),
  upload: createGate({ max: 1, queue: 0, waitMs: 1 }),
  action: createGate({ max: 1, queue: 0, waitMs: 1 }),
};
const guard = createRequestGuard({ gates });
const server = http.createServer((req, res) =>
  guard(req, res, () => {
    served.push(`${req.method} ${req.url}`);
    let size = 0;
    req.on("data", (c: Buffer) => (size += c.length));
    req.on("end", () => {
      const answer = () => res.end(JSON.stringify({ size }));
      if (req.url?.includes("hold")) held.push(answer);
      else answer();
    });
  }),
);

beforeAll(async () => {
  base = await listen(server);
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

describe("malformed paths", () => {
  it.each([
    "/posts/%E0%A4%A",
    "/tag/%C0%AF",
    "/member/%FF",
    "/category/%",
    "/posts/%ED%A0%80",
    "/tag/%00",
    "/tag/a%0Ab",
  ])("%s is a 400 with a zh-CN page, never reaching Next.js", async (path) => {
    served = [];
    const r = await send(base, { path });
    expect(r.status).toBe(400);
    expect(r.headers["content-type"]).toContain("text/html");
    expect(r.body).toContain("网址中含有无法识别的字符");
    expect(served).toEqual([]);
  });

  it("answers API callers in JSON", async () => {
    const r = await send(base, { path: "/api/views/%FF", method: "POST" });
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body)).toMatchObject({
      error: { code: "INVALID", message: expect.stringContaining("网址") },
    });
  });

  it("lets well-formed escapes through, and leaves the query to the page", async () => {
    served = [];
    expect((await send(base, { path: "/tag/%E5%AE%89%E5%85%A8" })).status).toBe(200);
    expect((await send(base, { path: "/search?q=%E0%A4%A" })).status).toBe(200);
    expect(served).toEqual(["GET /tag/%E5%AE%89%E5%85%A8", "GET /search?q=%E0%A4%A"]);
  });
});

describe("body limits", () => {
  it("refuses a declared Content-Length over the route's limit at once, before the body is sent", async () => {
    served = [];
    // declares 10 MB to the view beacon but sends only the headers: the answer cannot wait for the body
    const r = await send(base, {
      method: "POST",
      path: "/api/views/abc",
      headers: { "content-length": 10 * 1024 * 1024 },
    });
    expect(r.status).toBe(413);
    expect(r.headers.connection).toBe("close");
    expect(JSON.parse(r.body)).toMatchObject({
      error: { code: "PAYLOAD_TOO_LARGE", message: expect.stringContaining("请求内容过大") },
    });
    expect(served).toEqual([]);
  });

  it("cuts a chunked body off at the limit with a 413 while the handler is reading it", async () => {
    served = [];
    const r = await send(base, {
      method: "POST",
      path: "/api/bookmarks",
      headers: { "content-type": "application/json" },
      totalBytes: 50 * 1024 * 1024,
    });
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body).error.message).toContain("64 KB");
    expect(served).toEqual(["POST /api/bookmarks"]);
    // the client stopped long before its 50 MB were sent: what it wrote sat in socket buffers
    expect(r.sentBytes).toBeLessThan(10 * 1024 * 1024);
  });

  it("refuses an oversized upload early with the upload message", async () => {
    const r = await send(base, {
      method: "POST",
      path: "/api/media",
      headers: { "content-type": "multipart/form-data; boundary=x" },
      totalBytes: 40 * 1024 * 1024,
    });
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body).error.message).toBe("图片不能超过 10 MB，请压缩后再上传。");
    expect(r.sentBytes).toBeLessThan(BODY_LIMITS.upload + 10 * 1024 * 1024);
  });

  it("passes bodies within the limit whole, declared or chunked", async () => {
    const declared = await send(base, {
      method: "POST",
      path: "/editor/articles/x",
      headers: { "content-length": 1_500_000 },
      totalBytes: 1_500_000,
    });
    expect(declared.status).toBe(200);
    expect(JSON.parse(declared.body)).toEqual({ size: 1_500_000 });
    const chunked = await send(base, {
      method: "POST",
      path: "/editor/articles/x",
      totalBytes: BODY_LIMITS.action,
    });
    expect(JSON.parse(chunked.body)).toEqual({ size: BODY_LIMITS.action });
  });

  it("answers a server action over its limit in JSON with the figure", async () => {
    const r = await send(base, {
      method: "POST",
      path: "/editor/articles/x",
      headers: { "next-action": "abc", "content-length": BODY_LIMITS.action + 1 },
    });
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body).error.message).toBe("请求内容过大（上限 2 MB），请精简内容后重试。");
  });
});

describe("nesting of server-action arguments", () => {
  // a guard of its own with room in the action gate: these requests test nesting, not the gate
  let roomy: string;
  const roomyGuard = createRequestGuard({
    gates: { ...gates, action: createGate({ max: 8, queue: 8, waitMs: 10_000 }) },
  });
  const roomyServer = http.createServer((req, res) =>
    roomyGuard(req, res, () => {
      let size = 0;
      req.on("data", (c: Buffer) => (size += c.length));
      req.on("end", () => res.end(JSON.stringify({ size })));
    }),
  );
  beforeAll(async () => {
    roomy = await listen(roomyServer);
  });
  afterAll(() => {
    roomyServer.closeAllConnections();
    roomyServer.close();
  });

  it("refuses a JSON action body nested past the limit with a 400 before the handler finishes reading", async () => {
    // 100 KB of "[": React's decodeReply would overflow the stack on it (a 500 from Next.js)
    const r = await send(roomy, {
      method: "POST",
      path: "/editor/articles/x",
      headers: { "next-action": "abc", "content-type": "text/plain;charset=UTF-8" },
      rawBody: "[".repeat(100_000),
    });
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body).error.message).toBe(TOO_DEEP_MESSAGE);
  });

  it("lets deep-looking text inside strings and ordinary nesting through, and never meters multipart forms", async () => {
    const inString = await send(roomy, {
      method: "POST",
      path: "/editor/articles/x",
      headers: { "next-action": "abc", "content-type": "text/plain;charset=UTF-8" },
      rawBody: JSON.stringify([{ title: "[".repeat(5_000) + '\\"' + "{".repeat(5_000) }]),
    });
    expect(inString.status).toBe(200);
    const nested = await send(roomy, {
      method: "POST",
      path: "/editor/articles/x",
      headers: { "next-action": "abc", "content-type": "text/plain;charset=UTF-8" },
      rawBody: "[".repeat(100) + "]".repeat(100),
    });
    expect(nested.status).toBe(200);
    const form = await send(roomy, {
      method: "POST",
      path: "/editor/articles/x",
      headers: { "next-action": "abc", "content-type": "multipart/form-data; boundary=x" },
      rawBody: "[".repeat(1_000),
    });
    expect(form.status).toBe(200);
  });
});

describe("concurrency gates", () => {
  it("queues, then refuses searches past the gate with 503, Retry-After and a zh-CN page; other pages pass", async () => {
    const running = send(base, { path: "/search?q=hold-1" });
    await until(() => held.length === 1);
    const queued = send(base, { path: "/search?q=hold-2" });
    await until(() => gates.search.waiting === 1);
    const refused = await send(base, { path: "/search?q=3" });
    expect(refused.status).toBe(503);
    expect(refused.headers["retry-after"]).toBe("2");
    expect(refused.body).toContain("搜索的人太多了");
    // an article page never waits for the search gate
    expect((await send(base, { path: "/posts/abc" })).status).toBe(200);
    held.shift()!();
    expect((await running).status).toBe(200);
    await until(() => held.length === 1);
    held.shift()!();
    expect((await queued).status).toBe(200);
    expect(gates.search.active).toBe(0);
  });

  it("refuses a second concurrent upload in JSON", async () => {
    const first = send(base, {
      method: "POST",
      path: "/api/media?hold",
      headers: { "content-length": 3 },
      totalBytes: 3,
    });
    await until(() => held.length === 1);
    const second = await send(base, {
      method: "POST",
      path: "/api/media",
      headers: { "content-length": 3 },
      totalBytes: 3,
    });
    expect(second.status).toBe(503);
    expect(JSON.parse(second.body)).toMatchObject({
      error: { code: "OVERLOADED", message: "同时上传的图片太多，请稍等几秒再试。" },
    });
    held.shift()!();
    expect((await first).status).toBe(200);
  });
});

async function until(cond: () => boolean) {
  while (!cond()) await new Promise((r) => setTimeout(r, 5));
}

describe("Expect: 100-continue", () => {
  const continueServer = http.createServer();
  let continueBase: string;
  beforeAll(async () => {
    const onRequest = (req: http.IncomingMessage, res: http.ServerResponse) =>
      guard(req, res, () => {
        req.resume();
        req.on("end", () => res.end("ok"));
      });
    continueServer.on("request", onRequest).on("checkContinue", onRequest);
    continueBase = await listen(continueServer);
  });
  afterAll(() => {
    continueServer.closeAllConnections();
    continueServer.close();
  });

  function ask(headers: Record<string, string | number>): Promise<{ gotContinue: boolean; status: number }> {
    return new Promise((resolve, reject) => {
      let gotContinue = false;
      const req = http.request(`${continueBase}/api/views/abc`, {
        method: "POST",
        headers: { expect: "100-continue", ...headers },
      });
      req.on("continue", () => {
        gotContinue = true;
        req.end("x");
      });
      req.on("response", (res) =>
        res.resume().on("end", () => resolve({ gotContinue, status: res.statusCode! })),
      );
      req.on("error", reject);
      req.flushHeaders();
    });
  }

  it("refuses an oversized body before asking for it, and admits one within the limit", async () => {
    expect(await ask({ "content-length": 10 * 1024 * 1024 })).toEqual({ gotContinue: false, status: 413 });
    expect(await ask({ "content-length": 1 })).toEqual({ gotContinue: true, status: 200 });
  });
});
