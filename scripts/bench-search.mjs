#!/usr/bin/env node
// Entry for `npm run bench:search`: prepares the byline_bench database, then runs the TS benchmark.
import crypto from "node:crypto";
import path from "node:path";
import { resolveDatabase, migrate, seed } from "./lib/database.mjs";
import { withDatabase, createDatabaseIfMissing } from "./lib/embedded-pg.mjs";
import { bin, root, run } from "./lib/run.mjs";

const server = await resolveDatabase();
const base = server.serverUrl ?? server.url;
await createDatabaseIfMissing(base, "byline_bench");
const url = withDatabase(base, "byline_bench");
try {
  await migrate(url, ["deploy"], { quiet: true });
  await seed(url, { quiet: true, env: { UPLOAD_DIR: path.join(root, ".data", "bench-uploads") } });
  await run(
    bin("tsx"),
    [
      "--import",
      path.join(root, "scripts/lib/stub-next-runtime.mjs"),
      path.join(root, "scripts/bench-search.ts"),
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
