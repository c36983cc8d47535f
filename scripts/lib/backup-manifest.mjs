// @ts-check
// The backup folder's manifest.json (docs/transfer.md, Backups) and the checks a restore makes
// against it before anything is written. Pure: the callers read files and databases.
import { z } from "zod";

export const BACKUP_FORMAT = "byline-backup";
export const BACKUP_VERSION = 1;
export const MANIFEST_FILE = "manifest.json";
export const DUMP_FILE = "database.dump";
export const MEDIA_DIR = "media";

/** content addresses, as lib/media/storage/types.ts accepts them: "ab/<sha256>.<ext>" */
export const MEDIA_KEY = /^[0-9a-f]{2}\/[0-9a-f]{64}\.[a-z]{3,4}$/;

/** Expected failures of a backup or restore: the message (zh-CN) says what to do. */
export class BackupError extends Error {
  name = "BackupError";
}

const count = z.number().int().min(0);
const manifestSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  createdAt: z.iso.datetime({ offset: true }),
  database: z.strictObject({
    file: z.literal(DUMP_FILE),
    size: count,
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    server: z.string().max(40),
    serverMajor: z.number().int().min(9),
    pgDump: z.string().max(40),
    pgDumpMajor: z.number().int().min(9),
    /** the newest applied migration (prisma/migrations), to see at a glance what schema the dump has */
    lastMigration: z.string().max(200).nullable(),
    /** rows per table in the public schema, compared after a restore */
    tables: z.record(z.string().max(128), count),
  }),
  media: z.strictObject({
    storage: z.string().max(20),
    files: z.array(z.strictObject({ key: z.string().regex(MEDIA_KEY), size: count })),
    /** keys the database names but the store did not hold (or held damaged) when the backup ran */
    missing: z.array(z.string().max(300)),
  }),
});

/** @typedef {z.infer<typeof manifestSchema>} BackupManifest */

/**
 * manifest.json's text → the manifest, or a BackupError naming the first problem.
 * @param {string} text
 * @returns {BackupManifest}
 */
export function parseManifest(text) {
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    throw new BackupError(`${MANIFEST_FILE} 不是有效的 JSON：备份不完整或已损坏。`);
  }
  if (json?.format !== BACKUP_FORMAT)
    throw new BackupError(`这不是 Byline 备份（${MANIFEST_FILE} 的 format 不是 ${BACKUP_FORMAT}）。`);
  if (json.version !== BACKUP_VERSION)
    throw new BackupError(
      `备份格式版本 ${json.version} 不受支持（本版本读取版本 ${BACKUP_VERSION}）：请用生成它的 Byline 版本恢复。`,
    );
  const r = manifestSchema.safeParse(json);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new BackupError(
      `${MANIFEST_FILE} 无效：${issue?.path.join(".") || "(根)"} ${issue?.message ?? ""}`,
    );
  }
  return r.data;
}

/** The hash a media key names: its bytes must hash to it. */
export const keyDigest = (/** @type {string} */ key) => key.slice(3, 67);

/**
 * What is wrong with the files of a backup folder against its manifest (zh-CN lines; empty when
 * nothing). `found`: the dump's size and SHA-256 (null when absent) and every file under media/,
 * by key relative to media/, with its size and SHA-256.
 * @param {BackupManifest} manifest
 * @param {{ dump: { size: number, sha256: string } | null, media: Map<string, { size: number, sha256: string }> }} found
 */
export function checkBackupFiles(manifest, found) {
  const problems = [];
  const db = manifest.database;
  if (!found.dump) problems.push(`缺少 ${DUMP_FILE}`);
  else if (found.dump.size !== db.size)
    problems.push(`${DUMP_FILE} 大小为 ${found.dump.size} 字节，清单记录为 ${db.size} 字节`);
  else if (found.dump.sha256 !== db.sha256) problems.push(`${DUMP_FILE} 的 SHA-256 与清单不符`);
  const listed = new Set();
  for (const { key, size } of manifest.media.files) {
    listed.add(key);
    const file = found.media.get(key);
    if (!file) problems.push(`缺少媒体文件 ${MEDIA_DIR}/${key}`);
    else if (file.size !== size) problems.push(`媒体文件 ${MEDIA_DIR}/${key} 大小与清单不符`);
    else if (file.sha256 !== keyDigest(key)) problems.push(`媒体文件 ${MEDIA_DIR}/${key} 的内容与其地址不符`);
  }
  for (const key of found.media.keys())
    if (!listed.has(key)) problems.push(`清单未列出的文件 ${MEDIA_DIR}/${key}`);
  return problems;
}

/**
 * Why this backup cannot go into a server of `serverMajor` with a pg_restore of `pgRestoreMajor`
 * (zh-CN), or null. pg_restore reads archives of its own major and older only; a dump taken from
 * a newer server may use what an older one lacks.
 * @param {BackupManifest} manifest
 * @param {{ serverMajor: number, pgRestoreMajor: number }} target
 */
export function versionProblem(manifest, { serverMajor, pgRestoreMajor }) {
  const db = manifest.database;
  if (serverMajor < db.serverMajor)
    return `备份来自 PostgreSQL ${db.server}，目标服务器是 PostgreSQL ${serverMajor}：不能恢复到更旧的主版本。请使用 PostgreSQL ${db.serverMajor} 或更新的服务器。`;
  if (pgRestoreMajor < db.pgDumpMajor)
    return `备份由 PostgreSQL ${db.pgDump} 的 pg_dump 写成，pg_restore ${pgRestoreMajor} 读不了：请安装 PostgreSQL ${db.pgDumpMajor} 或更新的客户端（Debian/Ubuntu：sudo apt-get install postgresql-client），或用 PG_RESTORE=… 指定。`;
  return null;
}

/**
 * Tables whose row count after a restore differs from the manifest's (zh-CN lines).
 * @param {Record<string, number>} expected
 * @param {Record<string, number>} actual
 */
export function countDifferences(expected, actual) {
  const lines = [];
  for (const [table, rows] of Object.entries(expected))
    if (actual[table] === undefined) lines.push(`${table}：备份 ${rows} 行，恢复后没有这张表`);
    else if (actual[table] !== rows) lines.push(`${table}：备份 ${rows} 行，恢复后 ${actual[table]} 行`);
  return lines;
}
