import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import {
  INTERNAL_REVALIDATE_PATH,
  INTERNAL_SECRET_HEADER,
  invalidateFromBackground,
  isInternalRequest,
  loopbackBase,
} from "./background-invalidation";

describe("background cache invalidation", () => {
  let server: http.Server | undefined;
  afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

  it("reaches this process' server on loopback", () => {
    expect(loopbackBase({ address: "0.0.0.0", port: 3000 })).toBe("http://127.0.0.1:3000");
    expect(loopbackBase({ address: "::", port: 3000 })).toBe("http://[::1]:3000");
    expect(loopbackBase({ address: "127.0.0.1", port: 39170 })).toBe("http://127.0.0.1:39170");
    expect(loopbackBase({ address: "::1", port: 8080 })).toBe("http://[::1]:8080");
    expect(loopbackBase(undefined, { PORT: "4000" })).toBe("http://127.0.0.1:4000");
    expect(loopbackBase(undefined, {})).toBeNull();
  });

  it("posts the tags with the process secret, which the route accepts and nothing else does", async () => {
    const seen: { path?: string; secret?: string; body?: unknown }[] = [];
    server = http.createServer((req, res) => {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => {
        seen.push({
          path: req.url,
          secret: req.headers[INTERNAL_SECRET_HEADER] as string,
          body: JSON.parse(body),
        });
        res.end("{}");
      });
    });
    await new Promise<void>((r) => server!.listen(0, "127.0.0.1", r));
    const { port } = server.address() as AddressInfo;

    expect(
      await invalidateFromBackground(["articles", "article:x", "articles"], `http://127.0.0.1:${port}`),
    ).toBe(true);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      path: INTERNAL_REVALIDATE_PATH,
      body: { tags: ["articles", "article:x"] },
    });
    const secret = seen[0]!.secret!;
    expect(secret.length).toBeGreaterThanOrEqual(40);
    expect(isInternalRequest(new Headers({ [INTERNAL_SECRET_HEADER]: secret }))).toBe(true);
    expect(isInternalRequest(new Headers({ [INTERNAL_SECRET_HEADER]: secret.slice(1) + "x" }))).toBe(false);
    expect(isInternalRequest(new Headers())).toBe(false);
  });

  it("reports failure when no server answers or it refuses", async () => {
    expect(await invalidateFromBackground(["articles"], null)).toBe(false);
    server = http.createServer((_req, res) => {
      res.statusCode = 404;
      res.end();
    });
    await new Promise<void>((r) => server!.listen(0, "127.0.0.1", r));
    const { port } = server.address() as AddressInfo;
    expect(await invalidateFromBackground(["articles"], `http://127.0.0.1:${port}`)).toBe(false);
  });
});
