import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

export type Db = PrismaClient;

/** A Prisma client on adapter-pg. Scripts (seed, tests) call this directly; the app uses lib/db. */
export function createPrisma(url: string, options: { max?: number; log?: boolean } = {}) {
  const adapter = new PrismaPg({ connectionString: url, max: options.max ?? 10 });
  return new PrismaClient({ adapter, log: options.log ? [{ emit: "event", level: "query" }] : [] });
}
