import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { batchTexts } from "./batches";
import { libreTranslate, MT_UNAVAILABLE_MESSAGE } from "./libretranslate";
import { machineTranslatorFromEnv } from "./provider";

type Call = {
  path: string;
  body: { q: string[]; source: string; target: string; format: string; api_key?: string };
};
type Reply = (call: Call, res: http.ServerResponse) => void;

// A fake LibreTranslate on 127.0.0.1: records each request, answers with whatever the test sets.
const calls: Call[] = [];
let reply: Reply;
const echo: Reply = (call, res) => {
  res.setHeader("content-type", "application/json");
  res.end(JSON.stringify({ translatedText: call.body.q.map((t) => `译:${t}`) }));
};
const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    const call = { path: req.url ?? "", body: JSON.parse(Buffer.concat(chunks).toString("utf8")) };
    calls.push(call);
    reply(call, res);
  });
});
let base: string;

beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});
beforeEach(() => {
  calls.length = 0;
  reply = echo;
});

const signal = () => new AbortController().signal;
const fromEnv = (extra: Record<string, string> = {}) =>
  machineTranslatorFromEnv({ BYLINE_MT_PROVIDER: "libretranslate", BYLINE_MT_URL: base, ...extra })!;

describe("batchTexts", () => {
  it("cuts at 50 texts and beyond 20,000 characters, keeping the order", () => {
    const texts = Array.from({ length: 120 }, (_, i) => `t${i}`);
    expect(batchTexts(texts).map((b) => b.length)).toEqual([50, 50, 20]);
    expect(batchTexts(texts).flat()).toEqual(texts);
    const long = ["a".repeat(12_000), "b".repeat(9_000), "c".repeat(11_001), "d"];
    expect(batchTexts(long).map((b) => b.map((t) => t[0]).join(""))).toEqual(["a", "b", "cd"]);
  });

  it("fills a request up to exactly 20,000 characters", () => {
    expect(batchTexts(["b".repeat(9_000), "c".repeat(11_000), "d"]).map((b) => b.length)).toEqual([2, 1]);
  });

  it("sends an over-long text alone rather than cutting it", () => {
    expect(batchTexts(["x", "y".repeat(25_000), "z"]).map((b) => b.length)).toEqual([1, 1, 1]);
  });
});

describe("machineTranslatorFromEnv", () => {
  it("has no provider by default or when misconfigured", () => {
    expect(machineTranslatorFromEnv({})).toBeNull();
    expect(machineTranslatorFromEnv({ BYLINE_MT_PROVIDER: "" })).toBeNull();
    expect(machineTranslatorFromEnv({ BYLINE_MT_PROVIDER: "deepl", BYLINE_MT_URL: base })).toBeNull();
    expect(machineTranslatorFromEnv({ BYLINE_MT_PROVIDER: "libretranslate" })).toBeNull();
    expect(
      machineTranslatorFromEnv({ BYLINE_MT_PROVIDER: "libretranslate", BYLINE_MT_URL: "file:///etc/passwd" }),
    ).toBeNull();
  });

  it("builds a LibreTranslate client from BYLINE_MT_PROVIDER and BYLINE_MT_URL", () => {
    expect(fromEnv().name).toBe("libretranslate");
  });
});

describe("LibreTranslate client", () => {
  it("posts en→zh text to /translate with the API key and returns the outputs in order", async () => {
    const out = await fromEnv({ BYLINE_MT_API_KEY: "k-123" }).translate(["Hello", "Patch now."], signal());
    expect(out).toEqual(["译:Hello", "译:Patch now."]);
    expect(calls).toEqual([
      {
        path: "/translate",
        body: { q: ["Hello", "Patch now."], source: "en", target: "zh", format: "text", api_key: "k-123" },
      },
    ]);
  });

  it("keeps a path prefix of the configured URL and sends no key when none is set", async () => {
    await machineTranslatorFromEnv({
      BYLINE_MT_PROVIDER: "libretranslate",
      BYLINE_MT_URL: `${base}/lt`,
    })!.translate(["a"], signal());
    expect(calls[0]!.path).toBe("/lt/translate");
    expect(calls[0]!.body).not.toHaveProperty("api_key");
  });

  it("splits 120 texts into requests of at most 50 and joins the answers in order", async () => {
    const texts = Array.from({ length: 120 }, (_, i) => `Sentence ${i}.`);
    const out = await fromEnv().translate(texts, signal());
    expect(calls.map((c) => c.body.q.length)).toEqual([50, 50, 20]);
    expect(out).toEqual(texts.map((t) => `译:${t}`));
  });

  const failures: [string, Reply][] = [
    [
      "an HTTP error",
      (_c, res) => {
        res.statusCode = 429;
        res.end(JSON.stringify({ error: "Slowdown: 10 per minute" }));
      },
    ],
    ["a body that is not JSON", (_c, res) => res.end("<html>Bad gateway</html>")],
    ["JSON of another shape", (_c, res) => res.end(JSON.stringify({ translatedText: "one string" }))],
    ["fewer outputs than inputs", (_c, res) => res.end(JSON.stringify({ translatedText: ["only one"] }))],
    [
      "a response over 5 MB",
      (_c, res) => {
        res.setHeader("content-type", "application/json");
        res.write(`{"translatedText":["`);
        const mb = "x".repeat(1024 * 1024);
        for (let i = 0; i < 6; i++) res.write(mb);
        res.end(`"]}`);
      },
    ],
    [
      "a redirect",
      (_c, res) => {
        res.statusCode = 307;
        res.setHeader("location", "/elsewhere");
        res.end();
      },
    ],
  ];
  it.each(failures)("maps %s to UNAVAILABLE with a zh-CN message", async (_what, r) => {
    reply = r;
    await expect(fromEnv().translate(["a", "b"], signal())).rejects.toMatchObject({
      code: "UNAVAILABLE",
      message: MT_UNAVAILABLE_MESSAGE,
    });
  });

  it("gives up on a provider that never answers after its timeout", async () => {
    reply = () => {}; // never responds
    const slow = libreTranslate({ url: new URL(base), limits: { timeoutMs: 200, maxBytes: 1024 } });
    await expect(slow.translate(["a"], signal())).rejects.toMatchObject({ code: "UNAVAILABLE" });
  });

  it("maps a provider that cannot be reached to UNAVAILABLE", async () => {
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, "127.0.0.1", r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const t = libreTranslate({ url: new URL(`http://127.0.0.1:${port}`) });
    await expect(t.translate(["a"], signal())).rejects.toMatchObject({ code: "UNAVAILABLE" });
  });
});
