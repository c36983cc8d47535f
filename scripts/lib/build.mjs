// `next build`, then the build's secret render placeholder for the CSP nonce (server/render-placeholder.mjs).
// Every build path (npm start, npm test, npm run build, Docker) uses this.
import path from "node:path";
import { writeRenderNonce } from "../../server/render-placeholder.mjs";
import { bin, root, run } from "./run.mjs";

export async function build(env = process.env) {
  await run(bin("next"), ["build"], { env });
  writeRenderNonce(path.join(root, env.NEXT_DIST_DIR || ".next"));
}
