import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { createInvalidationBus, type InvalidationBus } from "./invalidation-bus";
import { invalidationPayloads, tagsFromPayload } from "./invalidation-message";

const url = () => process.env.DATABASE_URL!;
const buses: InvalidationBus[] = [];

/** A bus whose expirations are recorded, as one app instance would run it. */
async function instance(origin: string) {
  const expired: string[][] = [];
  const bus = createInvalidationBus({
    connectionString: url(),
    origin,
    expire: async (tags) => void expired.push(tags),
  });
  buses.push(bus);
  await bus.ready;
  return { bus, expired, all: () => expired.flat() };
}

afterEach(async () => {
  await Promise.all(buses.splice(0).map((b) => b.stop()));
});

describe("the cache invalidation bus (PostgreSQL NOTIFY)", () => {
  it("carries one instance's invalidation to the others within a second, never back to itself", async () => {
    const a = await instance(`a-${Date.now()}`);
    const b = await instance(`b-${Date.now()}`);
    const c = await instance(`c-${Date.now()}`);
    const t0 = Date.now();
    await a.bus.announce(["article:abc", "articles", "comments:abc"]);
    await expect
      .poll(() => b.all(), { timeout: 1_000, interval: 20 })
      .toEqual(["article:abc", "articles", "comments:abc"]);
    await expect.poll(() => c.all(), { timeout: 1_000, interval: 20 }).toHaveLength(3);
    console.log(`[cache bus] announced to two other instances in ${Date.now() - t0} ms`);
    expect(a.expired).toEqual([]);
  });

  it("splits thousands of tags into payloads under PostgreSQL's 8000-byte limit, losing none", async () => {
    const a = await instance(`a-${Date.now()}`);
    const b = await instance(`b-${Date.now()}`);
    const tags = Array.from({ length: 3000 }, (_, i) => `article:cm${String(i).padStart(22, "0")}`);
    const payloads = invalidationPayloads(a.bus.origin, tags);
    expect(payloads.length).toBeGreaterThan(10);
    for (const p of payloads) expect(Buffer.byteLength(p)).toBeLessThan(8000);
    await a.bus.announce(tags);
    await expect.poll(() => b.all().length, { timeout: 5_000 }).toBe(3000);
    expect(new Set(b.all())).toEqual(new Set(tags));
  });

  it("after losing its connection, reconnects, expires the site-wide tags once, and hears again", async () => {
    const a = await instance(`a-${Date.now()}`);
    const b = await instance(`b-${Date.now()}`);
    const admin = new pg.Client({ connectionString: url() });
    await admin.connect();
    try {
      // every listening session of the bus: ends b's (and a's) LISTEN connections, as a restart would
      await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
          WHERE application_name = 'byline-cache-bus' AND query LIKE 'LISTEN%'`,
      );
    } finally {
      await admin.end();
    }
    await expect.poll(() => b.all(), { timeout: 15_000 }).toContain("settings");
    expect(b.all()).toEqual(expect.arrayContaining(["articles", "categories", "pages"]));
    const before = b.all().length;
    await expect
      .poll(
        async () => {
          await a.bus.announce(["tag:after-reconnect"]);
          return b.all().slice(before);
        },
        { timeout: 15_000 },
      )
      .toContain("tag:after-reconnect");
  });
});

describe("payloads", () => {
  it("ignores its own origin and anything malformed", () => {
    const [p] = invalidationPayloads("me", ["articles", "articles", "tag:x"]);
    expect(tagsFromPayload("other", p)).toEqual(["articles", "tag:x"]);
    expect(tagsFromPayload("me", p)).toBeNull();
    for (const bad of [
      undefined,
      "",
      "not json",
      "[]",
      '{"o":1,"t":["a"]}',
      '{"o":"x","t":"a"}',
      '{"o":"x","t":[]}',
    ])
      expect(tagsFromPayload("me", bad)).toBeNull();
    expect(tagsFromPayload("me", '{"o":"x","t":["ok",7,"","' + "y".repeat(300) + '"]}')).toEqual(["ok"]);
  });
});
