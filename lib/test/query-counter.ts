import { db } from "@/lib/db";

type QueryEvent = { query: string };
type Listenable = { $on(event: "query", cb: (e: QueryEvent) => void): void };

let current: string[] | null = null;
let attached = false;

/**
 * Runs fn and returns the SQL statements Prisma sent meanwhile (exact count, from Prisma's own
 * query events; the integration setup creates the client with query events on). Transactions'
 * BEGIN/COMMIT are excluded so budgets count real reads and writes.
 */
export async function countQueries<T>(fn: () => Promise<T>): Promise<{ result: T; queries: string[] }> {
  if (!attached) {
    (db as unknown as Listenable).$on("query", (e) => {
      if (current && !/^(BEGIN|COMMIT|ROLLBACK|DEALLOCATE)/i.test(e.query.trim())) current.push(e.query);
    });
    attached = true;
  }
  current = [];
  try {
    const result = await fn();
    return { result, queries: current };
  } finally {
    current = null;
  }
}
