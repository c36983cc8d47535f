// @ts-check
// `npm run db:restore`: a backup folder (scripts/lib/backup-create.mjs) into a database and the
// media store. Everything is checked before anything is written; the media files go in first
// (content-addressed: extra files break nothing) and are taken out again when pg_restore fails,
// which runs in one transaction, so an error leaves the target as it was.
import fs from "node:fs";
import path from "node:path";
import {
  BackupError,
  DUMP_FILE,
  MANIFEST_FILE,
  MEDIA_DIR,
  checkBackupFiles,
  countDifferences,
  parseManifest,
  versionProblem,
} from "./backup-manifest.mjs";
import { connectCreating, existingObjects, serverVersion, tableCounts } from "./backup-db.mjs";
import { hashFile, listBackupMedia, openStore, placeMedia, removeMedia } from "./backup-media.mjs";
import { clientProblem, findClient, libpqTarget } from "./backup-pg.mjs";
import { run } from "./run.mjs";

/**
 * Reads and checks a backup folder completely: its manifest, or a BackupError listing the problems.
 * @param {string} dir
 */
async function inspectBackup(dir) {
  const manifestFile = path.join(dir, MANIFEST_FILE);
  if (!fs.existsSync(manifestFile))
    throw new BackupError(`${dir} 中没有 ${MANIFEST_FILE}：这不是完整的 Byline 备份目录。`);
  const manifest = parseManifest(fs.readFileSync(manifestFile, "utf8"));
  const dump = path.join(dir, DUMP_FILE);
  const problems = checkBackupFiles(manifest, {
    dump: fs.existsSync(dump) ? await hashFile(dump) : null,
    media: await listBackupMedia(path.join(dir, MEDIA_DIR)),
  });
  if (problems.length)
    throw new BackupError(
      `备份未通过校验，未做任何改动：\n  ${problems.slice(0, 10).join("\n  ")}${problems.length > 10 ? `\n  …共 ${problems.length} 处` : ""}`,
    );
  return manifest;
}

/**
 * @param {{ url: string, dir: string, force: boolean, log: (line: string) => void }} options
 */
export async function restoreBackup({ url, dir, force, log }) {
  const manifest = await inspectBackup(dir);
  log(
    `备份 ${manifest.createdAt}：PostgreSQL ${manifest.database.server}，迁移 ${manifest.database.lastMigration ?? "（无）"}，媒体文件 ${manifest.media.files.length} 个`,
  );
  const client = await connectCreating(url);
  try {
    const server = await serverVersion(client);
    const pgRestore = await findClient("pg_restore");
    const problem =
      clientProblem("pg_restore", pgRestore, server.major) ??
      versionProblem(manifest, { serverMajor: server.major, pgRestoreMajor: pgRestore?.major ?? 0 });
    if (problem || !pgRestore) throw new BackupError(problem ?? "");
    const found = await existingObjects(client);
    const occupied = Object.values(found).some((n) => n > 0);
    if (occupied && !force)
      throw new BackupError(
        `目标数据库不是空的（表等对象 ${found.relations} 个、模式 ${found.schemas} 个、扩展 ${found.extensions} 个、函数 ${found.functions} 个），未做任何改动。请恢复到新建的空数据库；如确要用备份覆盖其中的内容，加 --force（备份中的对象先删除再重建，在同一个事务里完成）。`,
      );

    const media = await openStore();
    const keys = manifest.media.files.map((f) => f.key);
    log(`媒体文件 → ${media.kind}`);
    const placed = await placeMedia(media, path.join(dir, MEDIA_DIR), keys);
    log(
      `pg_restore ${pgRestore.text}（${pgRestore.file}）${occupied ? "，--force：先删除备份中的对象" : ""}`,
    );
    const target = libpqTarget(url);
    const args = ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction"];
    if (occupied) args.push("--clean", "--if-exists");
    try {
      await run(pgRestore.file, [...args, "-d", target.dbname, path.join(dir, DUMP_FILE)], {
        quiet: true,
        env: target.env,
      });
    } catch (e) {
      await removeMedia(media.store, placed);
      throw new BackupError(
        `pg_restore 失败，事务已回滚，新放入的媒体文件已移除，目标未改动：\n${String(/** @type {any} */ (e).output ?? /** @type {Error} */ (e).message).trim()}`,
      );
    }
    const differences = countDifferences(manifest.database.tables, await tableCounts(client));
    if (differences.length)
      throw new BackupError(
        `恢复已提交，但恢复后的行数与备份不符（数据已写入目标数据库，请检查后再启用站点）：\n  ${differences.join("\n  ")}`,
      );
    return { manifest, mediaPlaced: placed.length };
  } finally {
    await client.end().catch(() => {});
  }
}
