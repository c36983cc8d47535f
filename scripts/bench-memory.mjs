#!/usr/bin/env node
// Entry for `npm run bench:memory`: prepares the byline_bench_memory database, then runs the TS benchmark.
import crypto from "node:crypto";
import path from "node:path";
import { resolveDatabase, migrate } from "./lib/database.mjs";
import { withDatabase, createDatabaseIfMissing } from "./lib/embedded-pg.mjs";
import { bin, root, run } from "./lib/run.mjs";

const server = await resolveDatabase();
const base = server.serverUrl ?? server.url;
await createDatabaseIfMissing(base, "byline_bench_memory");
const url = withDatabase(base, "byline_bench_memory");
try {
  await migrate(url, ["deploy"], { quiet: true });
  await run(
    bin("tsx"),
    [
      "--import",
      path.join(root, "scripts/lib/stub-next-runtime.mjs"),
      path.join(root, "scripts/bench-memory.ts"),
    ],
    {
      // production mode like a real server; the secret only satisfies lib/env.ts, nothing is signed
      env: {
        DATABASE_URL: url,
        NODE_ENV: "production",
        LOG_LEVEL: "warn",
        BYLINE_DEMO: "1",
        AUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
      },
    },
  );
} finally {
  await server.stop();
}
