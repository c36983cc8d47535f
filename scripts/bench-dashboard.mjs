#!/usr/bin/env node
// Entry for `npm run bench:dashboard`: the demo content in byline_bench_dashboard, then scripts/bench-dashboard.ts.
import { runBenchmark } from "./lib/bench-runner.mjs";

await runBenchmark({ database: "byline_bench_dashboard", script: "bench-dashboard.ts", seedDemo: true });
