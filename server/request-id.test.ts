import http from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { requestIdMixin } from "@/lib/logger";
import { currentRequestId, requestIdFrom, withRequestId } from "./request-id.mjs";

let server: http.Server | undefined;
afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

describe("request ids", () => {
  it("keeps a relayed id that looks like one and replaces anything else", () => {
    expect(requestIdFrom("0f1e2d3c4b5a69788796a5b4c3d2e1f0")).toBe("0f1e2d3c4b5a69788796a5b4c3d2e1f0");
    for (const bad of [
      undefined,
      "",
      "short",
      "has space in it",
      'quote"d-id-123',
      "x".repeat(65),
      "Ünïcode-1234",
    ])
      expect(requestIdFrom(bad)).toMatch(/^[0-9a-f]{32}$/);
    expect(requestIdFrom(["first-id-1234", "second-id-5678"])).toBe("first-id-1234");
  });

  it("echoes the id and puts it on every log line written while the request is handled, across awaits", async () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk, _enc, cb) {
        lines.push(JSON.parse(String(chunk)));
        cb();
      },
    });
    const log = pino({ mixin: requestIdMixin }, sink);
    server = http.createServer((req, res) =>
      withRequestId(req, res, async () => {
        await new Promise((r) => setTimeout(r, 5));
        log.info({ seen: currentRequestId() }, "handled");
        res.end("ok");
      }),
    );
    await new Promise<void>((r) => server!.listen(0, "127.0.0.1", r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    const relayed = await fetch(base, { headers: { "x-request-id": "nginx-request-0001" } });
    const fresh = await fetch(base);
    expect(relayed.headers.get("x-request-id")).toBe("nginx-request-0001");
    const freshId = fresh.headers.get("x-request-id")!;
    expect(freshId).toMatch(/^[0-9a-f]{32}$/);
    expect(lines.map((l) => [l.reqId, l.seen])).toEqual([
      ["nginx-request-0001", "nginx-request-0001"],
      [freshId, freshId],
    ]);
    // outside a request: no id
    log.info("background");
    expect(lines.at(-1)).not.toHaveProperty("reqId");
  });
});
