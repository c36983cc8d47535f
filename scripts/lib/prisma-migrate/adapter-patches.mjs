// @ts-check
// @prisma/adapter-pg 7.10.1 as the schema engine needs it. The app's runtime uses the adapter unpatched;
// only the engine's catalog queries and migration scripts hit these two gaps (the third fix, the shadow
// database, is in shadow-database.mjs).
//
// Fix 1: the engine's catalog queries return columns of PG type "char" (OID 18: pg_constraint.contype,
//        pg_class.relkind, ...). adapter-pg rejects them ("Column type 'char' could not be deserialized").
//        Report them as ColumnType.Character, which is what the engine reads them as. Mapping them to
//        Text is not enough: on PG 18 the describer then panics on NOT NULL constraints (contype 'n').
// Fix 2: adapter-pg's executeScript splits on ';', which breaks $$-bodies and strings. Run the script as
//        one simple-protocol query instead (multi-statement, implicit transaction), like the native engine.
import { PrismaPg } from "@prisma/adapter-pg";
import { ColumnTypeEnum } from "@prisma/driver-adapter-utils";

/** @typedef {import("@prisma/driver-adapter-utils").SqlQuery} SqlQuery */
/** @typedef {import("@prisma/driver-adapter-utils").SqlQueryable} SqlQueryable */
/** @typedef {import("@prisma/driver-adapter-utils").SqlResultSet} SqlResultSet */
/** @typedef {import("@prisma/driver-adapter-utils").Transaction} Transaction */

/**
 * The adapter-pg internals the fixes wrap. They are private or protected in its .d.ts, so
 * `internalsOf` casts to this shape after checking it at run time; any other version is refused.
 * @typedef {object} PgInternals
 * @property {(query: SqlQuery) => Promise<import("pg").QueryResult<unknown[]>>} performIO
 * @property {(query: SqlQuery) => Promise<SqlResultSet>} queryRaw
 * @property {{ query: (sql: string) => Promise<unknown> }} client a pg Pool (adapter) or PoolClient (transaction)
 * @property {(error: unknown) => never} onError
 * @property {((isolationLevel?: import("@prisma/driver-adapter-utils").IsolationLevel) => Promise<Transaction>) | undefined} [startTransaction]
 * @property {((script: string) => Promise<void>) | undefined} [executeScript]
 */

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

/**
 * @param {SqlQueryable} queryable
 * @returns {PgInternals}
 */
function internalsOf(queryable) {
  const q = /** @type {Partial<PgInternals>} */ (/** @type {unknown} */ (queryable));
  if (typeof q.performIO !== "function" || typeof q.queryRaw !== "function" || !q.client)
    throw new Error("Unexpected @prisma/adapter-pg internals; pin @prisma/adapter-pg to 7.10.1");
  return /** @type {PgInternals} */ (q);
}

/**
 * Applies fixes 1 and 2 in place, to an adapter and to every transaction it starts.
 * @template {SqlQueryable} T
 * @param {T} queryable
 * @returns {T}
 */
function patchQueryable(queryable) {
  const q = internalsOf(queryable);
  const performIO = q.performIO.bind(q);
  const queryRaw = q.queryRaw.bind(q);
  /** @type {WeakMap<SqlQuery, number[]>} indexes of the "char" columns of each query in flight */
  const charColumns = new WeakMap();
  q.performIO = async (query) => {
    const res = await performIO(query);
    /** @type {number[]} */
    const indexes = [];
    (res?.fields ?? []).forEach((field, i) => {
      if (field.dataTypeID !== PG_CHAR_OID) return;
      field.dataTypeID = PG_TEXT_OID; // gets past adapter-pg's type check; queryRaw sets the real type
      indexes.push(i);
    });
    if (indexes.length) charColumns.set(query, indexes);
    return res;
  };
  q.queryRaw = async (query) => {
    const out = await queryRaw(query);
    for (const i of charColumns.get(query) ?? []) out.columnTypes[i] = ColumnTypeEnum.Character;
    return out;
  };
  if (typeof q.startTransaction === "function") {
    const start = q.startTransaction.bind(q);
    q.startTransaction = async (isolationLevel) => patchQueryable(await start(isolationLevel));
  }
  if (typeof q.executeScript === "function") {
    q.executeScript = async (script) => {
      try {
        await q.client.query(script);
      } catch (e) {
        q.onError(e);
      }
    };
  }
  return queryable;
}

/**
 * A patched adapter on `url`. A `?schema=` in the URL is passed on as adapter-pg's schema option.
 * @param {string} url
 */
export async function connectAdapter(url) {
  const schema = new URL(url).searchParams.get("schema");
  return patchQueryable(
    await new PrismaPg({ connectionString: url }, schema ? { schema } : undefined).connect(),
  );
}
