#!/usr/bin/env node
// `npm run build`: the production build the server expects (next build + CSP inline-script list).
import { build } from "./lib/build.mjs";

await build({ ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" });
