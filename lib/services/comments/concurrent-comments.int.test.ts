import { afterAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { createArticle } from "@/lib/test/factories";
import { newKey, reader, resetCommentSettings, setCommentSettings } from "./comment-test-kit";
import { createComment, type CreateCommentInput } from "./create-comment";

// Ten comments at once from one account are over "one per 15 s" by design, and that limit has its
// own tests (create-comment.int.test.ts). Here each account may post its ten, so what is measured
// is storage under concurrency; the limiter still counts every post, and the counts are checked.
vi.mock("@/lib/security/rate-limit-rules", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/security/rate-limit-rules")>();
  const account = real.COMMENT_LIMITS.account.map((r) => ({ ...r, limit: Math.max(r.limit, 10) }));
  return { ...real, COMMENT_LIMITS: { ...real.COMMENT_LIMITS, account } };
});

afterAll(resetCommentSettings);

const ACCOUNTS = 20;
const EACH = 10;
/**
 * Callers in flight at once. The app runs at most 7 comment transactions at a time (lib/db/limits.ts
 * transactionSlots) and tells a caller that waited 5 s for one that the server is busy; in
 * production the server's action gate keeps callers from piling up behind the slots. Here 28
 * callers at a time (4 per slot) keep every slot busy, so the database sees the same concurrency
 * as with all 418 at once, without turning the queue itself into 503s on a loaded test machine.
 */
const IN_FLIGHT = 28;

async function inFlight<T>(limit: number, jobs: (() => Promise<T>)[]): Promise<PromiseSettledResult<T>[]> {
  const results: PromiseSettledResult<T>[] = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    for (let k = next++; k < jobs.length; k = next++) {
      try {
        results[k] = { status: "fulfilled", value: await jobs[k]!() };
      } catch (reason) {
        results[k] = { status: "rejected", reason };
      }
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return results;
}

/** A fixed shuffle (the same order on every run), so accounts interleave. */
function shuffled<T>(items: T[]): T[] {
  let seed = 13;
  const rnd = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe("200 comments from 20 accounts at once, each sent twice, one of them 20 times", () => {
  it("stores each exactly once, in the status the rules give, with commentCount equal to the approved rows", async () => {
    await setCommentSettings({ mode: "trusted" });
    const a = await createArticle();
    // half trusted (published at once unless a link holds them), half with a rejected comment (held)
    const readers = await Promise.all(
      Array.from({ length: ACCOUNTS }, (_, i) =>
        reader(i % 2 === 0 ? { approved: 3 } : { approved: 1, rejected: 1 }),
      ),
    );
    const requests = shuffled(
      readers.flatMap((me, i) =>
        Array.from({ length: EACH }, (_, j) => {
          const withLink = j % 5 === 0;
          const input: CreateCommentInput = {
            publicId: a.publicId,
            body: withLink ? `第 ${i}-${j} 条，详见 example${i}x${j}.com` : `读者 ${i} 的第 ${j} 条评论`,
            idempotencyKey: newKey(),
          };
          const expected = withLink ? "PENDING" : i % 2 === 0 ? "APPROVED" : "PENDING";
          return { me, input, expected, copies: i === 0 && j === 0 ? 20 : 2 };
        }),
      ),
    );
    // the copies of one request side by side, so they are in flight together
    const calls = requests.flatMap((r, n) =>
      Array.from({ length: r.copies }, () => ({
        n,
        call: () => createComment(r.me, r.input, { userAgent: "burst" }),
      })),
    );
    const t0 = performance.now();
    const results = await inFlight(
      IN_FLIGHT,
      calls.map((c) => c.call),
    );
    const ms = performance.now() - t0;
    console.info(
      `concurrent-comments: ${calls.length} calls (${requests.length} comments) in ${ms.toFixed(0)} ms`,
    );

    const failures = results.flatMap((r) => (r.status === "rejected" ? [String(r.reason)] : []));
    expect(failures).toEqual([]);
    const answers = results.map((r, k) => ({
      n: calls[k]!.n,
      ...(r as PromiseFulfilledResult<{ id: string; duplicate: boolean; status: string }>).value,
    }));
    const rows = await db.comment.findMany({
      where: { articleId: a.id },
      select: { id: true, status: true, body: true },
    });
    expect(rows).toHaveLength(ACCOUNTS * EACH);
    const byId = new Map(rows.map((r) => [r.id, r]));
    requests.forEach((req, n) => {
      const mine = answers.filter((x) => x.n === n);
      expect(new Set(mine.map((x) => x.id)).size).toBe(1);
      expect(mine.filter((x) => !x.duplicate)).toHaveLength(1);
      expect(mine.every((x) => x.status === req.expected)).toBe(true);
      expect(byId.get(mine[0]!.id)).toMatchObject({ status: req.expected, body: req.input.body });
    });

    const approved = rows.filter((r) => r.status === "APPROVED").length;
    expect(approved).toBe(requests.filter((r) => r.expected === "APPROVED").length);
    expect((await db.article.findUniqueOrThrow({ where: { id: a.id } })).commentCount).toBe(approved);
    // replays spent no limit points: each account counted exactly its ten comments
    const points = await db.$queryRaw<{ points: number }[]>`
      SELECT points FROM rate_limits WHERE key = ANY(${readers.map((r) => `comment:day:${r.id}`)})`;
    expect(points.map((p) => p.points)).toEqual(Array(ACCOUNTS).fill(EACH));
  }, 120_000);
});
