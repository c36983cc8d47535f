import { readFile, stat } from "node:fs/promises";
import type { Db } from "@/lib/db/client";
import { feedItems, parseKevItem, parseNvdItem, type KevRecord, type NvdRecord } from "@/lib/cve/feeds";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * The offline CVE import (issue 16): NVD 2.0 JSON feed files and CISA's KEV catalogue, read from
 * disk (never the network), upserted into `cves` by id, so a re-import updates rows and never
 * duplicates them. Run by `npm run cve:import` and the demo seed; never in a request.
 *
 * Bounded: a file over MAX_FILE_BYTES is refused before it is read (a real NVD year file is
 * ~100 MB, well under it), every item is validated on its own (lib/cve/feeds.ts) and a bad one is
 * skipped and counted, rows are written in transactions of BATCH items. Cached CVE pages are
 * not invalidated from here (a CLI has no route into the server's cache): they refresh within
 * their cache life (lib/services/public/cache-profile.ts `lists`, a minute).
 */

const MAX_FILE_BYTES = 400 * 1024 * 1024;
const BATCH = 200;

export type FeedCount = { file: string; items: number; imported: number; skipped: number };
export type ImportResult = { nvd: FeedCount[]; kev: FeedCount | null };

export class FeedFileError extends Error {}

async function readFeed(file: string): Promise<unknown[]> {
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) throw new FeedFileError(`找不到文件：${file}`);
  if (info.size > MAX_FILE_BYTES) throw new FeedFileError(`文件过大（超过 ${MAX_FILE_BYTES} 字节）：${file}`);
  let doc: unknown;
  try {
    doc = JSON.parse(await readFile(file, "utf8"));
  } catch {
    throw new FeedFileError(`不是有效的 JSON：${file}`);
  }
  const items = feedItems(doc);
  if (!items) throw new FeedFileError(`缺少 vulnerabilities 数组，不是 NVD 2.0 或 KEV 文件：${file}`);
  return items;
}

const nvdColumns = (r: NvdRecord, now: Date) => ({
  description: r.description,
  cvssVersion: r.cvss?.version ?? null,
  cvssVector: r.cvss?.vector ?? null,
  cvssScore: r.cvss?.score ?? null,
  severity: r.cvss?.severity ?? null,
  affected: r.affected as Prisma.InputJsonValue,
  nvdPublishedAt: r.publishedAt,
  nvdModifiedAt: r.modifiedAt,
  importedAt: now,
});

async function inBatches<T>(
  db: Db,
  records: T[],
  write: (tx: Prisma.TransactionClient, r: T) => Promise<unknown>,
) {
  for (let i = 0; i < records.length; i += BATCH) {
    const batch = records.slice(i, i + BATCH);
    await db.$transaction(async (tx) => {
      for (const r of batch) await write(tx, r);
    });
  }
}

/** Imports one NVD 2.0 feed file; the same CVE twice in a file: the later item wins. */
export async function importNvdFile(db: Db, file: string, now = new Date()): Promise<FeedCount> {
  const items = await readFeed(file);
  const records = new Map<string, NvdRecord>();
  let skipped = 0;
  for (const item of items) {
    const r = parseNvdItem(item);
    if (r) records.set(r.id, r);
    else skipped++;
  }
  await inBatches(db, [...records.values()], (tx, r) => {
    const data = nvdColumns(r, now);
    return tx.cve.upsert({ where: { id: r.id }, create: { id: r.id, ...data }, update: data });
  });
  return { file, items: items.length, imported: records.size, skipped };
}

/**
 * Imports the KEV catalogue: the KEV dates and ransomware flag of each listed CVE. A CVE the NVD
 * import has not described yet gets the catalogue's vendor, product and name, which a later NVD
 * import replaces.
 */
export async function importKevFile(db: Db, file: string, now = new Date()): Promise<FeedCount> {
  const items = await readFeed(file);
  const records = new Map<string, KevRecord>();
  let skipped = 0;
  for (const item of items) {
    const r = parseKevItem(item);
    if (r) records.set(r.id, r);
    else skipped++;
  }
  await inBatches(db, [...records.values()], (tx, r) => {
    const kev = {
      kevAddedAt: r.addedAt,
      kevDueDate: r.dueDate,
      kevRansomware: r.ransomware,
      importedAt: now,
    };
    return tx.cve.upsert({
      where: { id: r.id },
      create: {
        id: r.id,
        description: r.name,
        affected: [{ vendor: r.vendor, product: r.product }],
        ...kev,
      },
      update: kev,
    });
  });
  return { file, items: items.length, imported: records.size, skipped };
}

/** NVD files first, then KEV (its flags apply to rows the NVD files described). */
export async function importFeeds(
  db: Db,
  files: { nvd: string[]; kev?: string | null },
): Promise<ImportResult> {
  const now = new Date();
  const nvd: FeedCount[] = [];
  for (const file of files.nvd) nvd.push(await importNvdFile(db, file, now));
  const kev = files.kev ? await importKevFile(db, files.kev, now) : null;
  return { nvd, kev };
}
