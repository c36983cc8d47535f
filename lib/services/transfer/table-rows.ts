import "server-only";
import type { Db } from "@/lib/db/client";
import type { TableSpec } from "@/lib/transfer/tables";

type Row = Record<string, unknown>;
type Delegate = { findMany(args: unknown): Promise<Row[]> };

const PAGE = 500;

export const delegateOf = (db: Db, table: TableSpec) =>
  (db as unknown as Record<string, Delegate>)[table.model]!;

/** The Prisma cursor for a row: `{ id }`, or `{ articleId_tagId: { articleId, tagId } }` for a compound key. */
function cursorOf(table: TableSpec, row: Row) {
  const key = Object.fromEntries(table.pk.map((k) => [k, row[k]]));
  return table.pk.length === 1 ? key : { [table.pk.join("_")]: key };
}

/** A table's archived columns, page by page in primary-key order: never the whole table in memory. */
export async function* tableRows(db: Db, table: TableSpec): AsyncGenerator<Row[]> {
  const select = Object.fromEntries(Object.keys(table.schema.shape).map((k) => [k, true]));
  const orderBy = table.pk.map((k) => ({ [k]: "asc" }));
  let last: Row | undefined;
  for (;;) {
    const page = await delegateOf(db, table).findMany({
      select,
      where: table.where,
      orderBy,
      take: PAGE,
      ...(last ? { cursor: cursorOf(table, last), skip: 1 } : {}),
    });
    if (page.length) yield page;
    if (page.length < PAGE) return;
    last = page[page.length - 1];
  }
}
