#!/usr/bin/env node
// Entry for `npm run bench:ingest`: prepares the byline_bench_ingest database (migrations only),
// then runs the TS benchmark (scripts/bench-ingest.ts).
import crypto from "node:crypto";
import path from "node:path";
import { resolveDatabase, migrate } from "./lib/database.mjs";
import { withDatabase, createDatabaseIfMissing } from "./lib/embedded-pg.mjs";
import { bin, root, run } from "./lib/run.mjs";

const server = await resolveDatabase();
const base = server.serverUrl ?? server.url;
await createDatabaseIfMissing(base, "byline_bench_ingest");
const url = withDatabase(base, "byline_bench_ingest");
try {
  await migrate(url, ["deploy"], { quiet: true });
  await run(
    bin("tsx"),
    [
      "--import",
      path.join(root, "scripts/lib/stub-next-runtime.mjs"),
      path.join(root, "scripts/bench-ingest.ts"),
    ],
    {
      env: {
        DATABASE_URL: url,
        NODE_ENV: "production",
        LOG_LEVEL: "warn",
        BYLINE_DEMO: "1",
        // the article is served by the local fixture server: the test-only loopback allowance
        BYLINE_TEST_ALLOW_LOOPBACK_SOURCES: "1",
        AUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
      },
    },
  );
} finally {
  await server.stop();
}
