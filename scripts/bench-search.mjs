#!/usr/bin/env node
// Entry for `npm run bench:search`: the demo content in byline_bench, then scripts/bench-search.ts.
import { runBenchmark } from "./lib/bench-runner.mjs";

await runBenchmark({ database: "byline_bench", script: "bench-search.ts", seedDemo: true });
