#!/usr/bin/env node
// npm run front: the shipped production front (deploy/nginx.conf) in front of a running
// `npm start`, on this machine (docs/deploy.md). Needs nginx (Debian: apt-get install nginx-light).
//   npm run front                          upstream 127.0.0.1:3000, listens on 127.0.0.1:8080
//   npm run front -- --upstream 127.0.0.1:3000 --upstream 127.0.0.1:3001 --listen 0.0.0.0:80
//   npm run front -- --static .next/static  serve build assets from disk (default: .next/static if present)
//   npm run front -- --render-compose      rewrite deploy/compose/*.conf (docker-compose's includes)
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { COMPOSE_DIR, COMPOSE_PARAMS, renderIncludes, startFront } from "./lib/nginx-front.mjs";
import { root } from "./lib/run.mjs";
import { SITE_VIEW_LOG_DIR } from "../server/view-log.mjs";

const { values } = parseArgs({
  options: {
    upstream: { type: "string", multiple: true },
    listen: { type: "string" },
    static: { type: "string" },
    dir: { type: "string" },
    "render-compose": { type: "boolean" },
  },
});

if (values["render-compose"]) {
  fs.mkdirSync(COMPOSE_DIR, { recursive: true });
  for (const [name, text] of Object.entries(renderIncludes(COMPOSE_PARAMS)))
    fs.writeFileSync(path.join(COMPOSE_DIR, name), text);
  console.log(`wrote ${path.relative(root, COMPOSE_DIR)}/*.conf`);
  process.exit(0);
}

const listen = values.listen ?? "8080";
const [, host = "127.0.0.1", port] = /^(?:(.+):)?(\d+)$/.exec(listen) ?? [];
if (!port) throw new Error(`--listen ${listen}: expected [address:]port`);
const upstream = values.upstream ?? ["127.0.0.1:3000"];
const builtStatic = path.join(root, process.env.NEXT_DIST_DIR || ".next", "static");
const staticDir = values.static ?? (fs.existsSync(builtStatic) ? builtStatic : undefined);

const front = await startFront({
  upstream,
  host: host.replace(/^\[(.*)\]$/, "$1"),
  port: Number(port),
  dir: values.dir ?? path.join(root, ".data", "front"),
  staticDir,
  // the folder `npm start`'s view counter reads
  viewLog: path.join(process.env.VIEW_LOG_DIR ?? SITE_VIEW_LOG_DIR, "front.log"),
});
console.log(`Byline front (deploy/nginx.conf) on ${front.url} → ${upstream.join(", ")}`);
console.log(
  `  static assets: ${staticDir ? `from ${path.relative(root, staticDir) || staticDir}` : "proxied and cached"}`,
);
console.log(
  `  logs: ${path.relative(root, front.dir)}/access.log (article pages' requests: below), error.log; the app needs TRUST_PROXY_HOPS=1`,
);
console.log(
  `  article pages' requests: ${path.relative(root, front.viewLog ?? "")} (their views counted by the app's view counter)`,
);
console.log("  Ctrl-C stops it");
const stop = async () => {
  await front.stop();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
