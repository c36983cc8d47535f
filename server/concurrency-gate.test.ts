import { describe, expect, it } from "vitest";
import { createGate, gateKind, gatesFromEnv } from "./concurrency-gate.mjs";

describe("createGate", () => {
  it("runs max at once, queues the next ones, refuses the rest, and hands slots on in order", async () => {
    const gate = createGate({ max: 2, queue: 1, waitMs: 60_000 });
    const a = await gate.acquire();
    const b = await gate.acquire();
    const c = gate.acquire();
    expect(await gate.acquire()).toBeNull();
    expect([gate.active, gate.waiting]).toEqual([2, 1]);
    a!();
    a!(); // a second release is a no-op, not a free slot
    const cRelease = await c;
    expect(cRelease).toBeTypeOf("function");
    expect([gate.active, gate.waiting]).toEqual([2, 0]);
    b!();
    cRelease!();
    expect(gate.active).toBe(0);
  });

  it("refuses a waiter after waitMs, and its place is freed", async () => {
    const gate = createGate({ max: 1, queue: 1, waitMs: 20 });
    const a = await gate.acquire();
    expect(await gate.acquire()).toBeNull();
    expect(gate.waiting).toBe(0);
    a!();
    expect(gate.active).toBe(0);
  });
});

describe("which requests are gated", () => {
  it("gates search pages, uploads and server actions; never article, home or API reads", () => {
    expect(gateKind("GET", "/search")).toBe("search");
    expect(gateKind("HEAD", "/search")).toBe("search");
    expect(gateKind("GET", "/api/v1/search")).toBe("search");
    expect(gateKind("GET", "/api/v1/articles")).toBeNull();
    expect(gateKind("POST", "/api/media")).toBe("upload");
    expect(gateKind("POST", "/api/v1/admin/media")).toBe("upload");
    expect(gateKind("POST", "/editor/articles/abc")).toBe("action");
    expect(gateKind("GET", "/posts/abc")).toBeNull();
    expect(gateKind("GET", "/")).toBeNull();
    expect(gateKind("GET", "/api/health")).toBeNull();
    expect(gateKind("POST", "/api/views/abc")).toBeNull();
    expect(gateKind("GET", "/searchable")).toBeNull();
  });

  it("reads its sizes from the environment, with defaults for ill-formed values", async () => {
    const gates = gatesFromEnv({ BYLINE_MAX_SEARCHES: "1", BYLINE_MAX_UPLOADS: "zero" });
    expect(await gates.search.acquire()).toBeTypeOf("function");
    // searches queue 256 per slot, then refusals
    const queued = Array.from({ length: 256 }, () => gates.search.acquire());
    expect(gates.search.waiting).toBe(256);
    expect(await gates.search.acquire()).toBeNull();
    const uploads = await Promise.all([gates.upload.acquire(), gates.upload.acquire()]);
    expect(uploads.every((r) => typeof r === "function")).toBe(true);
    void queued;
  });
});
