import "server-only";
import { db as defaultDb } from "@/lib/db";
import type { Db } from "@/lib/db/client";
import { logger } from "@/lib/logger";

/**
 * Brute-force counters in PostgreSQL, so every app instance sees the same numbers (an attacker
 * spreading guesses over instances gains nothing). Each operation is one atomic upsert on
 * rate_limits / rate_limit_members. Time comes from an injectable clock and is stored as epoch
 * milliseconds, so tests move time forward instead of sleeping.
 *
 * Atomic under concurrency: `hit` and the first statement of `fail` are one INSERT … ON CONFLICT
 * DO UPDATE … RETURNING, so parallel callers on one key are serialised by the row lock and each
 * sees its own count (a burst of 50 gets 1…50; tested). `fail`'s block escalation and
 * `addMember`'s count are second statements: under a race they can only over-count (block
 * sooner), never let an attempt through.
 *
 * Why not rate-limiter-flexible (it was in package.json, unused; the decision is to remove it):
 * its RateLimiterPostgres reads Date.now() itself (no injectable clock), cannot count distinct
 * members (accounts per IP), and has no doubling block; wrapping it would leave this file's
 * upserts anyway. One limiter, ours, for login, registration, reset and comments.
 */

export type Clock = () => number;
const systemClock: Clock = () => Date.now();

type Row = { points: number; windowEndsAt: bigint; blocks: number; blockedUntil: bigint | null };

/** One counted event in a fixed window: `limit` events per `windowMs`. */
export type WindowRule = { limit: number; windowMs: number };

/** Failures that end in a block whose wait doubles per further block, from `baseBlockMs` up to `maxBlockMs`. */
export type BlockRule = { limit: number; windowMs: number; baseBlockMs: number; maxBlockMs: number };

export type WindowState = { points: number; resetAt: number };

/** Wait for the n-th block (1-based): base, 2×base, 4×base… capped at max. Pure, unit tested. */
export function blockDurationMs(
  rule: Pick<BlockRule, "baseBlockMs" | "maxBlockMs">,
  blockNumber: number,
): number {
  const factor = 2 ** Math.min(Math.max(blockNumber - 1, 0), 30);
  return Math.min(rule.baseBlockMs * factor, rule.maxBlockMs);
}

/** Seconds to wait, rounded up so "retry after" is never too early. */
export const secondsUntil = (at: number, now: number) => Math.max(1, Math.ceil((at - now) / 1000));

const CLEANUP_EVERY = 200;

function one<T>(rows: T[]): T {
  if (!rows[0]) throw new Error("rate limiter: the upsert returned no row");
  return rows[0];
}

export class RateLimiter {
  private calls = 0;

  constructor(
    private readonly db: Db = defaultDb,
    readonly now: Clock = systemClock,
  ) {}

  /** Counts one event; returns the count in the current window (the caller compares with its limit). */
  async hit(key: string, rule: WindowRule): Promise<WindowState> {
    const now = this.now();
    const ends = BigInt(now + rule.windowMs);
    const row = one(
      await this.db.$queryRaw<Row[]>`
      INSERT INTO rate_limits ("key", "points", "windowEndsAt") VALUES (${key}, 1, ${ends})
      ON CONFLICT ("key") DO UPDATE SET
        "points" = CASE WHEN rate_limits."windowEndsAt" <= ${BigInt(now)} THEN 1 ELSE rate_limits."points" + 1 END,
        "windowEndsAt" = CASE WHEN rate_limits."windowEndsAt" <= ${BigInt(now)} THEN EXCLUDED."windowEndsAt" ELSE rate_limits."windowEndsAt" END
      RETURNING "points", "windowEndsAt", "blocks", "blockedUntil"`,
    );
    // housekeeping must never fail the request that happened to trigger it
    this.maybeCleanup(now).catch((err: unknown) => logger.warn({ err }, "rate limit cleanup failed"));
    return { points: row.points, resetAt: Number(row.windowEndsAt) };
  }

  /** The current window's count without counting anything (0 when the window has ended). */
  async peek(key: string): Promise<WindowState> {
    const now = this.now();
    const [row] = await this.db.$queryRaw<Row[]>`
      SELECT "points", "windowEndsAt", "blocks", "blockedUntil" FROM rate_limits WHERE "key" = ${key} AND "windowEndsAt" > ${BigInt(now)}`;
    return row ? { points: row.points, resetAt: Number(row.windowEndsAt) } : { points: 0, resetAt: now };
  }

  /**
   * Records a failure under a BlockRule. Failures are remembered for `windowMs` after the last
   * one; from the `limit`-th on, every failure starts a block, each twice as long as the one
   * before. Returns the block's end when this failure started one.
   */
  async fail(key: string, rule: BlockRule): Promise<{ failures: number; blockedUntil: number | null }> {
    const now = this.now();
    const ends = BigInt(now + rule.windowMs);
    const row = one(
      await this.db.$queryRaw<Row[]>`
      INSERT INTO rate_limits ("key", "points", "windowEndsAt") VALUES (${key}, 1, ${ends})
      ON CONFLICT ("key") DO UPDATE SET
        "points" = CASE WHEN rate_limits."windowEndsAt" <= ${BigInt(now)} THEN 1 ELSE rate_limits."points" + 1 END,
        "blocks" = CASE WHEN rate_limits."windowEndsAt" <= ${BigInt(now)} THEN 0 ELSE rate_limits."blocks" END,
        "blockedUntil" = CASE WHEN rate_limits."windowEndsAt" <= ${BigInt(now)} THEN NULL ELSE rate_limits."blockedUntil" END,
        "windowEndsAt" = GREATEST(EXCLUDED."windowEndsAt", rate_limits."windowEndsAt")
      RETURNING "points", "windowEndsAt", "blocks", "blockedUntil"`,
    );
    if (row.points < rule.limit) return { failures: row.points, blockedUntil: null };

    const blockedUntil = now + blockDurationMs(rule, row.blocks + 1);
    // the escalation is remembered for a full window after the block ends
    const windowEnds = BigInt(blockedUntil + rule.windowMs);
    await this.db.$executeRaw`
      UPDATE rate_limits SET "blocks" = "blocks" + 1, "blockedUntil" = GREATEST(COALESCE("blockedUntil", 0), ${BigInt(blockedUntil)}),
        "windowEndsAt" = GREATEST("windowEndsAt", ${windowEnds})
      WHERE "key" = ${key}`;
    return { failures: row.points, blockedUntil };
  }

  /** When the key's block ends, or null when it is not blocked now. */
  async blockedUntil(key: string): Promise<number | null> {
    const now = this.now();
    const [row] = await this.db.$queryRaw<Row[]>`
      SELECT "points", "windowEndsAt", "blocks", "blockedUntil" FROM rate_limits WHERE "key" = ${key} AND "blockedUntil" > ${BigInt(now)}`;
    return row?.blockedUntil != null ? Number(row.blockedUntil) : null;
  }

  async reset(key: string): Promise<void> {
    await this.db.$executeRaw`DELETE FROM rate_limits WHERE "key" = ${key}`;
  }

  /**
   * Remembers `member` under `key` for `windowMs` from when it was first seen and returns how many
   * distinct members the key holds now, and whether this one is among them already.
   */
  async addMember(key: string, member: string, windowMs: number): Promise<{ count: number }> {
    const now = this.now();
    const expires = BigInt(now + windowMs);
    await this.db.$executeRaw`
      INSERT INTO rate_limit_members ("key", "member", "expiresAt") VALUES (${key}, ${member}, ${expires})
      ON CONFLICT ("key", "member") DO UPDATE SET
        "expiresAt" = CASE WHEN rate_limit_members."expiresAt" <= ${BigInt(now)} THEN EXCLUDED."expiresAt" ELSE rate_limit_members."expiresAt" END`;
    return { count: await this.countMembers(key) };
  }

  async countMembers(key: string): Promise<number> {
    const now = this.now();
    const row = one(
      await this.db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM rate_limit_members WHERE "key" = ${key} AND "expiresAt" > ${BigInt(now)}`,
    );
    return row.n;
  }

  async hasMember(key: string, member: string): Promise<boolean> {
    const now = this.now();
    const rows = await this.db.$queryRaw<unknown[]>`
      SELECT 1 FROM rate_limit_members WHERE "key" = ${key} AND "member" = ${member} AND "expiresAt" > ${BigInt(now)}`;
    return rows.length > 0;
  }

  /** Expired rows are useless; drop them now and then instead of running a job for it. */
  private async maybeCleanup(now: number) {
    if (++this.calls % CLEANUP_EVERY !== 0) return;
    const day = 24 * 60 * 60 * 1000;
    await this.db
      .$executeRaw`DELETE FROM rate_limits WHERE "windowEndsAt" < ${BigInt(now - day)} AND COALESCE("blockedUntil", 0) < ${BigInt(now)}`;
    await this.db.$executeRaw`DELETE FROM rate_limit_members WHERE "expiresAt" < ${BigInt(now)}`;
    await this.db.$executeRaw`DELETE FROM used_captchas WHERE "expiresAt" < ${BigInt(now)}`;
  }
}

let shared: RateLimiter | undefined;
/** The process-wide limiter on the app database and the system clock (tests construct their own). */
export const sharedLimiter = (): RateLimiter => (shared ??= new RateLimiter());
