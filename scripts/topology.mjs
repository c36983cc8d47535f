#!/usr/bin/env node
// npm run topology: N Byline instances (default 2) from the production build behind the shipped
// front, on one machine and without Docker (docs/topology.md). One database (DATABASE_URL, else
// the embedded one `npm start` uses), one media store, migrations once, the build when stale.
// Needs nginx (Debian: apt-get install nginx-light).
//   npm run topology                                         instances on 3001, 3002; front on 127.0.0.1:8080
//   npm run topology -- --instances 3 --listen 0.0.0.0:80 --base-port 4001
import fs from "node:fs";
import path from "node:path";
import { ensureGenerated, ensureInstalled } from "./lib/bootstrap.mjs";
import { root, step } from "./lib/run.mjs";
import { parseTopologyArgs, startTopology } from "./lib/topology.mjs";

let args;
try {
  args = parseTopologyArgs(process.argv.slice(2));
} catch (e) {
  console.error(`[byline] ${e instanceof Error ? e.message : e}`);
  process.exit(2);
}
if (args.help) {
  console.log(
    "npm run topology -- [--instances 2] [--listen [地址:]8080] [--base-port 3001]  (docs/topology.md)",
  );
  process.exit(0);
}

await ensureInstalled();
await ensureGenerated();

const dist = path.join(root, process.env.NEXT_DIST_DIR || ".next");
let stopping = false;
/** @type {import("./lib/topology.mjs").Topology | undefined} */
let topology;
// before the topology is up there is nothing to drain: exit, and the exit hooks kill what started
process.on("SIGINT", () => (topology ? void shutdown(0) : process.exit(130)));
process.on("SIGTERM", () => (topology ? void shutdown(0) : process.exit(143)));
try {
  topology = await startTopology({
    instances: args.instances,
    basePort: args.basePort,
    frontHost: args.host,
    frontPort: args.port,
    frontDir: path.join(root, ".data", "topology", "front"),
    // checked again after the build: a first run has no build yet
    staticDir: path.join(dist, "static"),
    onUnexpectedExit(instance, code, signal) {
      // the front passes a failed request on to the other instances; say which one is gone
      const alive = topology?.instances.filter(
        (i) => i.child.exitCode === null && i.child.signalCode === null,
      );
      console.error(
        `\n[byline] 实例 ${instance.name}（${instance.base}）意外退出（${signal ?? `exit ${code}`}），日志见 ${path.relative(root, instance.logFile)}；` +
          (alive?.length ? `其余 ${alive.length} 个实例继续服务` : "已没有实例在运行，正在停止"),
      );
      if (!alive?.length) void shutdown(1);
    },
  });
} catch (e) {
  console.error(`\n[byline] topology 启动失败：${e instanceof Error ? e.message : e}`);
  if (e && typeof e === "object" && "output" in e && e.output) console.error(e.output);
  process.exit(1);
}
if (!fs.existsSync(path.join(dist, "static")))
  console.log(`  (no ${path.relative(root, dist)}/static: the front proxies and caches build assets)`);

step("ready", topology.siteUrl);
console.log(
  `  front (deploy/nginx.conf): ${topology.front.url}, logs ${path.relative(root, topology.front.dir)}/`,
);
for (const i of topology.instances)
  console.log(`  ${i.name.padEnd(12)} ${i.base}  log ${path.relative(root, i.logFile)}`);
console.log(
  `  open ${topology.siteUrl} (SITE_URL: forms accept this origin only); Ctrl-C stops the front, then the instances`,
);

/** @param {number} code */
async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  step("stop", "front, then instances (in-flight requests get up to 10 s), then the database");
  await topology?.stop();
  process.exit(code);
}
