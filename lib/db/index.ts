import "server-only";
import { env } from "@/lib/env";
import { createPrisma, type Db } from "./client";

// One client per process; dev hot reload would otherwise open a new pool on every edit.
const g = globalThis as unknown as { __bylineDb?: Db };

export const db: Db = new Proxy({} as Db, {
  get(_t, prop) {
    // query events only in integration tests (query budgets are counted from them)
    g.__bylineDb ??= createPrisma(env().DATABASE_URL, { log: process.env.BYLINE_QUERY_EVENTS === "1" });
    const value = Reflect.get(g.__bylineDb, prop);
    // bind methods to the real client: `this` must not be the proxy
    return typeof value === "function" ? value.bind(g.__bylineDb) : value;
  },
});
