// `next build`, then the list of the build's own inline scripts for the CSP (see
// inline-script-hashes.mjs). Every build path (npm start, npm test, npm run build, Docker) uses this.
import path from "node:path";
import { writeInlineScriptManifest } from "./inline-script-hashes.mjs";
import { bin, root, run } from "./run.mjs";

export async function build(env = process.env) {
  await run(bin("next"), ["build"], { env });
  const n = writeInlineScriptManifest(path.join(root, env.NEXT_DIST_DIR || ".next"));
  console.log(`build: recorded ${n} prerendered inline script(s) for the Content-Security-Policy`);
}
