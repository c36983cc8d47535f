/**
 * Tells the HTTP server's database gate (server/database-gate.mjs) that a query failed below SQL
 * (refused, dropped, timed out): it probes, and while PostgreSQL stays unreachable answers requests
 * with a 503 instead of letting each one fail on its own. The server lives outside Next.js' bundles
 * and publishes the reporter on globalThis (`npm start` and `npm run dev` alike); without it (tests,
 * a bare `next dev`) this does nothing.
 */
import { classifyDbError } from "./db-error";

type Report = () => void;

export function reportDatabaseUnavailable(): void {
  const report = (globalThis as { __bylineDatabaseUnavailable?: Report }).__bylineDatabaseUnavailable;
  if (typeof report === "function") report();
}

/** For errors no one classified yet (a page's render, reported by Next.js to instrumentation.ts). */
export function reportIfDatabaseUnavailable(e: unknown): void {
  if (classifyDbError(e) === "unavailable") reportDatabaseUnavailable();
}
