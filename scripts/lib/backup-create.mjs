// @ts-check
// `npm run db:backup`: pg_dump (custom format) of the database and a copy of every media file it
// names, in one folder with a manifest (docs/transfer.md, Backups). Written under a temporary
// name and renamed when complete, so a folder with the final name is always a whole backup.
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  BackupError,
  DUMP_FILE,
  MANIFEST_FILE,
  MEDIA_DIR,
} from "./backup-manifest.mjs";
import { exportSnapshot, lastMigration, mediaKeys, serverVersion, tableCounts } from "./backup-db.mjs";
import { hashFile, openStore, readMedia } from "./backup-media.mjs";
import { clientProblem, findClient, libpqTarget } from "./backup-pg.mjs";
import { run } from "./run.mjs";

/**
 * @param {{ url: string, target: string, log: (line: string) => void }} options
 * @returns {Promise<import("./backup-manifest.mjs").BackupManifest>}
 */
export async function createBackup({ url, target, log }) {
  if (fs.existsSync(target)) throw new BackupError(`${target} 已存在：请换一个备份目录名。`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const work = `${target}.partial-${process.pid}`;
  try {
    const server = await serverVersion(client);
    const pgDump = await findClient("pg_dump");
    const problem = clientProblem("pg_dump", pgDump, server.major);
    if (problem || !pgDump) throw new BackupError(problem ?? "");
    // password hashes, TOTP secrets and sessions are in the dump: readable by the owner only
    fs.mkdirSync(path.dirname(work), { recursive: true });
    fs.mkdirSync(work, { mode: 0o700 });
    fs.mkdirSync(path.join(work, MEDIA_DIR));

    const snapshot = await exportSnapshot(client);
    const keys = await mediaKeys(client);
    const tables = await tableCounts(client);
    const migration = await lastMigration(client);
    log(`pg_dump ${pgDump.text}（${pgDump.file}）→ ${DUMP_FILE}`);
    const dump = path.join(work, DUMP_FILE);
    const pgTarget = libpqTarget(url);
    // The job queue's schema stays out: pg-boss makes it on start, webhook deliveries not yet sent are
    // queued again from webhook_deliveries by the worker's sweep, and its partitioned tables break
    // pg_restore --clean (a restore with --force) with "cannot drop inherited constraint".
    await run(
      pgDump.file,
      ["-Fc", "--exclude-schema=pgboss", `--snapshot=${snapshot}`, "-f", dump, pgTarget.dbname],
      {
        quiet: true,
        env: pgTarget.env,
      },
    ).catch((e) => {
      throw new BackupError(`pg_dump 失败：\n${String(e.output ?? e.message).trim()}`);
    });
    await client.query("COMMIT");

    const media = await openStore();
    log(`媒体文件 ${keys.length} 个（${media.kind}）`);
    /** @type {{ key: string, size: number }[]} */
    const files = [];
    /** @type {string[]} */
    const missing = [];
    for (const key of keys) {
      const got = await readMedia(media.store, key, path.join(work, MEDIA_DIR, key));
      if (got) files.push({ key, size: got.size });
      else missing.push(key);
    }
    if (missing.length)
      log(
        `警告：数据库引用的 ${missing.length} 个媒体文件在存储中缺失或已损坏，未备份：${missing.slice(0, 5).join("、")}…`,
      );

    const dumpFile = await hashFile(dump);
    const manifest = {
      format: /** @type {typeof BACKUP_FORMAT} */ (BACKUP_FORMAT),
      version: /** @type {typeof BACKUP_VERSION} */ (BACKUP_VERSION),
      createdAt: new Date().toISOString(),
      database: {
        file: /** @type {typeof DUMP_FILE} */ (DUMP_FILE),
        ...dumpFile,
        server: server.text,
        serverMajor: server.major,
        pgDump: pgDump.text,
        pgDumpMajor: pgDump.major,
        lastMigration: migration,
        tables,
      },
      media: { storage: media.kind, files, missing },
    };
    // the manifest last: a folder without one is not a backup
    fs.writeFileSync(path.join(work, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    fs.renameSync(work, target);
    return manifest;
  } catch (e) {
    fs.rmSync(work, { recursive: true, force: true });
    throw e;
  } finally {
    await client.end().catch(() => {});
  }
}
