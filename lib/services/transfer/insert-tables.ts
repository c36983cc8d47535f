import "server-only";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { indexArticle } from "@/lib/search/index-article";
import type { OpenedArchive } from "@/lib/transfer/entries";
import { readRows } from "@/lib/transfer/read-rows";
import { TABLES, type TableSpec } from "@/lib/transfer/tables";
import { delegateOf } from "./table-rows";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0] & Db;
type Row = Record<string, unknown>;
type Creator = {
  createMany(args: unknown): Promise<{ count: number }>;
  createManyAndReturn(args: unknown): Promise<Row[]>;
};

const BATCH = 200;
/** Imported accounts have no password: nothing verifies against it (lib/auth/crypto/password.ts), a reset sets one. */
const NO_PASSWORD = "!imported";
// tables with an autoincrement id that rows arrive with: the sequence continues after them
const SERIAL = ["categories", "tags", "pages", "glossary_terms"];

async function* batches<T>(items: AsyncIterable<T>): AsyncGenerator<T[]> {
  const batch: T[] = [];
  for await (const item of items) {
    batch.push(item);
    if (batch.length === BATCH) yield batch.splice(0);
  }
  if (batch.length) yield batch;
}

/**
 * Inserts every table of an inspected archive in one transaction, in foreign-key order. A row whose
 * primary key (or another unique value) exists already is kept as it is and the archive's is
 * skipped (ON CONFLICT DO NOTHING): the importing admin's account, and every existing row in
 * merge mode. An archive user whose email belongs to an existing account becomes that account.
 */
export async function insertTables(tx: Tx, archive: OpenedArchive, opts: { replaceSettings: boolean }) {
  const inserted: Record<string, number> = {};
  const userMap = new Map<string, string>();
  const snapshotOf: [string, string][] = [];
  const newArticles: string[] = [];

  const prepare = (table: TableSpec, row: Row): Row => {
    for (const col of table.userFks ?? []) {
      const to = userMap.get(row[col] as string);
      if (to) row[col] = to;
    }
    for (const col of table.nullableJson ?? []) if (row[col] === null) row[col] = Prisma.DbNull;
    return row;
  };

  const insert = async (table: TableSpec, rows: Row[]) => {
    const model = delegateOf(tx, table) as unknown as Creator;
    if (table.name === "articles") {
      const created = await model.createManyAndReturn({
        data: rows,
        skipDuplicates: true,
        select: { id: true },
      });
      newArticles.push(...created.map((r) => r.id as string));
      return created.length;
    }
    if (table.name === "site_settings" && opts.replaceSettings)
      await tx.siteSetting.deleteMany({ where: { key: { in: rows.map((r) => r.key as string) } } });
    return (await model.createMany({ data: rows, skipDuplicates: true })).count;
  };

  for (const table of TABLES) {
    let count = 0;
    // a reply needs its parent: top-level comments go in first, on a first read of the entry
    const passes =
      table.name === "comments"
        ? [(r: Row) => r.parentId === null, (r: Row) => r.parentId !== null]
        : [() => true];
    for (const wanted of passes) {
      for await (const batch of batches(readRows(archive, table))) {
        let rows = batch.filter(wanted);
        if (table.name === "users") rows = await mapUsers(tx, rows, userMap);
        if (table.name === "articles")
          for (const r of rows) {
            if (r.sourceSnapshotId) snapshotOf.push([r.id as string, r.sourceSnapshotId as string]);
            r.sourceSnapshotId = null;
          }
        if (rows.length)
          count += await insert(
            table,
            rows.map((r) => prepare(table, r)),
          );
      }
    }
    inserted[table.name] = count;
    if (table.name === "source_snapshots") await linkSnapshots(tx, snapshotOf, new Set(newArticles));
  }
  for (const name of SERIAL)
    await tx.$executeRawUnsafe(
      `SELECT setval(pg_get_serial_sequence('"${name}"', 'id'), COALESCE((SELECT MAX(id) FROM "${name}"), 0) + 1, false)`,
    );
  await reindex(tx, newArticles);
  return inserted;
}

/** Archive users matching an existing account by email are mapped onto it; the rest get no password. */
async function mapUsers(tx: Tx, rows: Row[], userMap: Map<string, string>): Promise<Row[]> {
  const existing = await tx.user.findMany({
    where: { email: { in: rows.map((r) => r.email as string) } },
    select: { id: true, email: true },
  });
  const byEmail = new Map(existing.map((u) => [u.email, u.id]));
  const out: Row[] = [];
  for (const r of rows) {
    const found = byEmail.get(r.email as string);
    if (found && found !== r.id) userMap.set(r.id as string, found);
    else if (!found) out.push({ ...r, passwordHash: NO_PASSWORD });
  }
  return out;
}

/** articles.sourceSnapshotId, the one cycle, set once the snapshots exist (only on articles this import added). */
async function linkSnapshots(tx: Tx, pairs: [string, string][], added: Set<string>) {
  for (const [articleId, snapshotId] of pairs)
    if (added.has(articleId))
      // raw: an update through Prisma would move updatedAt, which the sitemap shows
      await tx.$executeRaw`UPDATE articles SET "sourceSnapshotId" = ${snapshotId} WHERE id = ${articleId}`;
}

/** The search vector is not in the archive: rebuilt from the imported text. */
async function reindex(tx: Tx, ids: string[]) {
  for (let i = 0; i < ids.length; i += BATCH) {
    const page = await tx.article.findMany({
      where: { id: { in: ids.slice(i, i + BATCH) } },
      select: { id: true, title: true, lede: true, bodyText: true },
    });
    for (const a of page) await indexArticle(tx, a);
  }
}
