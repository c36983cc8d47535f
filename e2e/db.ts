import pg from "pg";

/**
 * One connection to the e2e database (DATABASE_URL from scripts/lib/e2e.mjs) for the length of `fn`:
 * specs read what the server really stored, or write rows a spec owns.
 */
export async function withDb<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
