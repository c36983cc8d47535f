/**
 * How long the app waits on PostgreSQL, in one place (docs/security.md lists the same figures).
 * The rule behind the numbers: a request blocked by someone else's lock or a slow statement
 * fails within a few seconds with a "please retry" answer, and the pool is never all taken by
 * one slow path, so health checks and public reads keep answering (issue 8, finding 8).
 */
export const DB_LIMITS = {
  /** connections in the app's pool */
  poolMax: 10,
  /** waiting for a free pooled connection (or opening a new one) before answering 503 */
  acquireTimeoutMs: 5_000,
  /**
   * waiting for a row or table lock held by another session (PostgreSQL lock_timeout). Our own
   * transactions hold a row for milliseconds, so a longer wait means something else holds it; and
   * server actions run at most 4 at once (server/concurrency-gate.mjs), so every second a save
   * waits here is a second of that gate: a dozen saves behind one lock answer within ~3 s.
   */
  lockTimeoutMs: 1_000,
  /** any one statement, locks included (statement_timeout): search and page queries take milliseconds */
  statementTimeoutMs: 8_000,
  /** a session left idle inside a transaction (a hung process) is ended, and its locks with it */
  idleInTransactionMs: 15_000,
  /** interactive transactions (db.$transaction): waiting for a slot and a connection, and running */
  transactionMaxWaitMs: 3_000,
  transactionTimeoutMs: 10_000,
  /** at most this many transactions at once, so poolMax - transactionSlots connections stay for reads */
  transactionSlots: 7,
  /** waiting for a slot: longer than lockTimeoutMs, so a save queued behind stuck ones gets its turn */
  transactionSlotWaitMs: 5_000,
} as const;

/** The health check's own pool: one connection, answers or gives up well inside a second. */
export const HEALTH_DB_LIMITS = {
  poolMax: 1,
  acquireTimeoutMs: 800,
  statementTimeoutMs: 800,
} as const;
