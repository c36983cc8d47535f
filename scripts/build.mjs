#!/usr/bin/env node
// `npm run build`: the production build the server expects (next build + CSP inline-script list).
// `npm run build -- --throwaway-database`: the same without a database of yours, for the Docker
// image: it builds against an empty embedded PostgreSQL and drops the pages prerendered from it
// (scripts/lib/image-build.mjs).
import { build } from "./lib/build.mjs";

const env = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" };
if (process.argv.includes("--throwaway-database"))
  await (await import("./lib/image-build.mjs")).buildWithThrowawayDatabase(env);
else await build(env);
