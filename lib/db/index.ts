import "server-only";
import { env } from "@/lib/env";
import { createPrisma, type Db } from "./client";
import { DB_LIMITS } from "./limits";
import { createSlots, type Slots } from "./transaction-slots";

// One client per process; dev hot reload would otherwise open a new pool on every edit.
const g = globalThis as unknown as { __bylineDb?: Db; __bylineTxSlots?: Slots };

function client(): Db {
  g.__bylineDb ??= createPrisma(env().DATABASE_URL, {
    max: DB_LIMITS.poolMax,
    acquireTimeoutMs: DB_LIMITS.acquireTimeoutMs,
    statementTimeoutMs: DB_LIMITS.statementTimeoutMs,
    lockTimeoutMs: DB_LIMITS.lockTimeoutMs,
    idleInTransactionMs: DB_LIMITS.idleInTransactionMs,
    transaction: { maxWaitMs: DB_LIMITS.transactionMaxWaitMs, timeoutMs: DB_LIMITS.transactionTimeoutMs },
    // query events only in integration tests (query budgets are counted from them)
    log: process.env.BYLINE_QUERY_EVENTS === "1",
  });
  return g.__bylineDb;
}

const transactionSlots = (): Slots =>
  (g.__bylineTxSlots ??= createSlots(DB_LIMITS.transactionSlots, DB_LIMITS.transactionSlotWaitMs));

export const db: Db = new Proxy({} as Db, {
  get(_t, prop) {
    const real = client();
    // every interactive transaction takes a slot first: stuck transactions cannot take the whole pool
    if (prop === "$transaction") {
      return (...args: Parameters<Db["$transaction"]>) =>
        transactionSlots().run(() => (real.$transaction as (...a: unknown[]) => Promise<unknown>)(...args));
    }
    const value = Reflect.get(real, prop);
    // bind methods to the real client: `this` must not be the proxy
    return typeof value === "function" ? value.bind(real) : value;
  },
});
