// @ts-check
// The adapter factory handed to the schema engine, with fix 3: a real shadow database.
//
// adapter-pg 7.10.1's connectToShadowDb() builds the shadow pool as {...config, database}, but pg lets
// connectionString override `database`, so its "shadow" pool hits the MAIN database (the migrations'
// DDL would run there unrecorded). Instead we create a throwaway database on the same server, point the
// URL at it, and drop it when the engine disposes the adapter, or, if the run dies first, in main().
import crypto from "node:crypto";
import pg from "pg";
import { connectAdapter } from "./adapter-patches.mjs";
import { quoteIdent, runOnce, withDatabase } from "./postgres-admin.mjs";

/** @typedef {import("@prisma/driver-adapter-utils").SqlMigrationAwareDriverAdapterFactory} AdapterFactory */

/** Throwaway shadow databases not dropped yet, so that a failed or crashed run can still drop them. */
export class ShadowDatabases {
  /** @type {Map<string, string>} database name -> URL of the main database it was created from */
  #live = new Map();

  /**
   * @param {string} name
   * @param {string} mainUrl
   */
  add(name, mainUrl) {
    this.#live.set(name, mainUrl);
  }

  /** @param {string} name */
  delete(name) {
    this.#live.delete(name);
  }

  /** Best effort: WITH (FORCE) because the engine's pool may still hold connections after a panic. */
  async dropAll() {
    for (const [name, mainUrl] of this.#live) {
      await runOnce(mainUrl, `DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`).catch(() => {});
      this.#live.delete(name);
    }
  }
}

/**
 * @param {{ url: string, shadowUrl: string | undefined }} config
 * @param {ShadowDatabases} shadows
 * @returns {AdapterFactory}
 */
export function createAdapterFactory({ url, shadowUrl }, shadows) {
  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect: () => connectAdapter(url),
    connectToShadowDb: () => (shadowUrl ? resetShadowSchema(shadowUrl) : createThrowawayShadow(url, shadows)),
  };
}

/**
 * A configured shadowDatabaseUrl is the user's own database: empty its schema instead of dropping it.
 * @param {string} shadowUrl
 */
async function resetShadowSchema(shadowUrl) {
  const shadow = await connectAdapter(shadowUrl);
  const schema = quoteIdent(new URL(shadowUrl).searchParams.get("schema") ?? "public");
  await shadow.executeScript(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema};`);
  return shadow;
}

/**
 * Needs CREATEDB on the main database's server, as `prisma migrate dev` does.
 * @param {string} url
 * @param {ShadowDatabases} shadows
 */
async function createThrowawayShadow(url, shadows) {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const name = `prisma_migrate_shadow_db_${crypto.randomUUID()}`;
  await admin.query(`CREATE DATABASE ${quoteIdent(name)}`);
  shadows.add(name, url);
  const shadow = await connectAdapter(withDatabase(url, name));
  const dispose = shadow.dispose.bind(shadow);
  shadow.dispose = async () => {
    await dispose();
    await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)}`);
    shadows.delete(name);
    await admin.end();
  };
  return shadow;
}
