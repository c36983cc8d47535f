/**
 * Which database failures are "try again" rather than bugs. Pure duck typing on what Prisma 7 on
 * adapter-pg and node-postgres actually throw (checked against a real server in
 * lib/db/db-faults.int.test.ts), so lib/errors.ts can use it without importing the client:
 *   - Prisma query errors carry the SQLSTATE in meta.driverAdapterError.cause.originalCode, and
 *     failures below SQL (refused, dropped, timed out) a `kind` there instead: a raw query against a
 *     stopped server is P2010 with kind DatabaseNotReachable (server/database-restart.fault.test.ts)
 *   - P2028 is Prisma's transaction API error (no connection within maxWait, or over its timeout)
 *   - pg-pool's acquire timeout is a bare Error with a fixed message
 */
export type DbFailure = "contention" | "unavailable";

// another session holds what we need: lock_not_available, serialization_failure, deadlock_detected
const CONTENTION_SQLSTATES = new Set(["55P03", "40001", "40P01"]);
// query_canceled (statement_timeout), too_many_connections, the server shutting down or restarting
const UNAVAILABLE_SQLSTATES = new Set(["57014", "53300", "57P01", "57P02", "57P03"]);
// write conflict; transaction API (maxWait, timeout); cannot reach, timed out, connection closed, too many connections
const CONTENTION_PRISMA = new Set(["P2034"]);
const UNAVAILABLE_PRISMA = new Set(["P2028", "P1001", "P1002", "P1008", "P1017", "P2037"]);
// pg-pool's acquire timeout; "Connection terminated unexpectedly / due to connection timeout"
const UNAVAILABLE_MESSAGES = ["timeout exceeded when trying to connect", "Connection terminated"];
const UNAVAILABLE_SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT"]);
// @prisma/driver-adapter-utils' error kinds for the connection rather than the statement
const UNAVAILABLE_ADAPTER_KINDS = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
]);

type Loose = {
  code?: unknown;
  message?: unknown;
  meta?: { driverAdapterError?: { cause?: { originalCode?: unknown; kind?: unknown } } };
  cause?: unknown;
};

function classifyOne(e: Loose): DbFailure | null {
  const kind = e.meta?.driverAdapterError?.cause?.kind;
  if (kind === "TransactionWriteConflict") return "contention";
  if (typeof kind === "string" && UNAVAILABLE_ADAPTER_KINDS.has(kind)) return "unavailable";
  const sqlState = e.meta?.driverAdapterError?.cause?.originalCode ?? e.code;
  if (typeof sqlState === "string") {
    if (CONTENTION_SQLSTATES.has(sqlState) || CONTENTION_PRISMA.has(sqlState)) return "contention";
    if (
      UNAVAILABLE_SQLSTATES.has(sqlState) ||
      UNAVAILABLE_PRISMA.has(sqlState) ||
      UNAVAILABLE_SOCKET_CODES.has(sqlState)
    )
      return "unavailable";
  }
  if (typeof e.message === "string" && UNAVAILABLE_MESSAGES.some((m) => (e.message as string).startsWith(m)))
    return "unavailable";
  return null;
}

export function classifyDbError(e: unknown): DbFailure | null {
  // follow `cause` a few levels: wrappers (ours, Prisma's, Next.js') keep the original there
  for (
    let cur = e, depth = 0;
    cur && typeof cur === "object" && depth < 4;
    cur = (cur as Loose).cause, depth++
  ) {
    const kind = classifyOne(cur as Loose);
    if (kind) return kind;
  }
  return null;
}
