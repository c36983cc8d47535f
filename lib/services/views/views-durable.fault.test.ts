import crypto from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { faultDatabaseUrl, startFaultServer, type FaultServer } from "@/lib/test/fault-server";

/**
 * Issue 8, finding 14, as bounded since issue 12: views the server has acknowledged survive
 * kill -9 once the beacon's write window has passed (server/view-counter.mjs writes every 250 ms,
 * docs/request-path.md "The view beacon"). 300 readers (300 visitor cookies) send the view
 * beacon, every answer says the view counted; one second later the server is killed with
 * SIGKILL, and PostgreSQL must hold all 300.
 */

const READERS = 300;
const CHROME =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

let srv: FaultServer;
let db: pg.Client;

beforeAll(async () => {
  srv = await startFaultServer({ name: "views-durable" });
  db = new pg.Client({ connectionString: faultDatabaseUrl() });
  await db.connect();
});
afterAll(async () => {
  await db?.end();
  await srv?.stop("SIGKILL");
});

async function counts(articleId: string) {
  const { rows } = await db.query<{ total: number; days: number }>(
    `SELECT a."viewCount" AS total, COALESCE((SELECT sum(views)::int FROM article_view_days d WHERE d."articleId" = a.id), 0) AS days
     FROM articles a WHERE a.id = $1`,
    [articleId],
  );
  return rows[0]!;
}

async function latestArticle() {
  return (
    await db.query<{ id: string; publicId: string }>(
      `SELECT id, "publicId" FROM articles WHERE status = 'PUBLISHED' AND "publishedAt" <= now() ORDER BY "publishedAt" DESC LIMIT 1`,
    )
  ).rows[0]!;
}

/** READERS new readers send the beacon, 30 at a time as a busy article page would see them. */
async function readers(server: FaultServer, publicId: string) {
  const beacon = async () => {
    const visitor = crypto.randomBytes(16).toString("base64url").slice(0, 22);
    const res = await fetch(`${server.base}/api/views/${publicId}`, {
      method: "POST",
      headers: { Origin: server.origin, "User-Agent": CHROME, Cookie: `bl_vid=${visitor}` },
    });
    return { status: res.status, body: (await res.json()) as { counted?: boolean } };
  };
  const t0 = performance.now();
  const answers: Awaited<ReturnType<typeof beacon>>[] = [];
  for (let i = 0; i < READERS; i += 30)
    answers.push(...(await Promise.all(Array.from({ length: 30 }, beacon))));
  expect(answers.filter((a) => a.status === 200 && a.body.counted === true)).toHaveLength(READERS);
  return Math.round(performance.now() - t0);
}

describe("acknowledged views", () => {
  it("are in PostgreSQL when the server is killed one second after the last acknowledgement", async () => {
    const { id, publicId } = await latestArticle();
    const before = await counts(id);
    const sentMs = await readers(srv, publicId);

    await new Promise((r) => setTimeout(r, 1_000));
    await srv.stop("SIGKILL");

    const after = await counts(id);
    console.log(
      `[fault] ${READERS} view beacons acknowledged in ${sentMs} ms; after kill -9 one second later PostgreSQL has ` +
        `${after.total - before.total} in the total and ${after.days - before.days} in the daily rows`,
    );
    expect(after.total - before.total).toBe(READERS);
    expect(after.days - before.days).toBe(READERS);
  });

  it("are all written by a SIGTERM right after the last acknowledgement (the shutdown write)", async () => {
    const server = await startFaultServer({ name: "views-sigterm" });
    const { id, publicId } = await latestArticle();
    const before = await counts(id);
    await readers(server, publicId);
    // no wait: the last views are still in memory, inside the 250 ms write window
    expect(await server.stop("SIGTERM")).toBe(0);
    const after = await counts(id);
    expect(after.total - before.total).toBe(READERS);
    expect(after.days - before.days).toBe(READERS);
  });
});
