// @ts-check
// What every `npm run bench:*` entry does: a database of its own (migrated, optionally seeded),
// then the TypeScript benchmark under tsx in production mode, like a real server.
import crypto from "node:crypto";
import path from "node:path";
import { migrate, resolveDatabase, seed } from "./database.mjs";
import { createDatabaseIfMissing, withDatabase } from "./embedded-pg.mjs";
import { bin, root, run } from "./run.mjs";

/**
 * @param {{ database: string, script: string, seedDemo?: boolean, env?: Record<string, string> }} opts
 *   script: the .ts file under scripts/; seedDemo: load the demo content first
 */
export async function runBenchmark({ database, script, seedDemo = false, env = {} }) {
  const server = await resolveDatabase();
  const base = server.serverUrl ?? server.url;
  await createDatabaseIfMissing(base, database);
  const url = withDatabase(base, database);
  try {
    await migrate(url, ["deploy"], { quiet: true });
    if (seedDemo)
      await seed(url, { quiet: true, env: { UPLOAD_DIR: path.join(root, ".data", "bench-uploads") } });
    await run(
      bin("tsx"),
      ["--import", path.join(root, "scripts/lib/stub-next-runtime.mjs"), path.join(root, "scripts", script)],
      {
        // the secret only satisfies lib/env.ts: nothing is signed
        env: {
          DATABASE_URL: url,
          NODE_ENV: "production",
          LOG_LEVEL: "warn",
          BYLINE_DEMO: "1",
          AUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
          ...env,
        },
      },
    );
  } finally {
    await server.stop();
  }
}
