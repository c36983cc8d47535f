#!/usr/bin/env node
// Entry for `npm run bench:memory`: byline_bench_memory (migrations only), then scripts/bench-memory.ts.
import { runBenchmark } from "./lib/bench-runner.mjs";

await runBenchmark({ database: "byline_bench_memory", script: "bench-memory.ts" });
