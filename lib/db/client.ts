import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

export type Db = PrismaClient;

export type DbOptions = {
  max?: number;
  log?: boolean;
  /** pool acquire (and connect) timeout; without it a request queues for a connection forever */
  acquireTimeoutMs?: number;
  /** PostgreSQL statement_timeout / lock_timeout / idle_in_transaction_session_timeout */
  statementTimeoutMs?: number;
  lockTimeoutMs?: number;
  idleInTransactionMs?: number;
  /** defaults for interactive transactions: wait for a connection, total run time */
  transaction?: { maxWaitMs: number; timeoutMs: number };
};

/**
 * A Prisma client on adapter-pg. Scripts (seed, tests) call this directly with no limits; the
 * app uses lib/db, which passes DB_LIMITS. The server-side timeouts are startup parameters of
 * every pooled connection, so they cover plain queries and transactions alike at no extra
 * round trip.
 */
export function createPrisma(url: string, options: DbOptions = {}) {
  const adapter = new PrismaPg({
    connectionString: url,
    max: options.max ?? 10,
    connectionTimeoutMillis: options.acquireTimeoutMs,
    statement_timeout: options.statementTimeoutMs,
    lock_timeout: options.lockTimeoutMs,
    idle_in_transaction_session_timeout: options.idleInTransactionMs,
  });
  const tx = options.transaction;
  return new PrismaClient({
    adapter,
    log: options.log ? [{ emit: "event", level: "query" }] : [],
    ...(tx ? { transactionOptions: { maxWait: tx.maxWaitMs, timeout: tx.timeoutMs } } : {}),
  });
}
