#!/usr/bin/env node
// Entry for `npm run bench:ingest`: byline_bench_ingest (migrations only), then scripts/bench-ingest.ts.
import { runBenchmark } from "./lib/bench-runner.mjs";

await runBenchmark({
  database: "byline_bench_ingest",
  script: "bench-ingest.ts",
  // the article is served by the local fixture server: the test-only loopback allowance
  env: { BYLINE_TEST_ALLOW_LOOPBACK_SOURCES: "1" },
});
