#!/usr/bin/env node
// Entry for `npm run bench:dashboard`: byline_bench_dashboard (migrations only; the script fills it), then scripts/bench-dashboard.ts.
import { runBenchmark } from "./lib/bench-runner.mjs";

await runBenchmark({ database: "byline_bench_dashboard", script: "bench-dashboard.ts" });
