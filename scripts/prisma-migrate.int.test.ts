/**
 * The offline migrate script is ours to own: these tests drive it end to end against a real
 * PostgreSQL (a throwaway database next to the integration one) with a throwaway schema.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "..");
const dir = path.join(root, ".data", "tmp", `migrate-test-${process.pid}`);
let url: string;

const schema = (extra = "") => `
generator client {
  provider = "prisma-client"
  output   = "./generated"
}
datasource db {
  provider = "postgresql"
}
model Thing {
  id   Int    @id @default(autoincrement())
  name String
  ${extra}
}
`;

async function migrate(...args: string[]) {
  return migrateWith("prisma.config.ts", ...args);
}

async function migrateWith(configFile: string, ...args: string[]) {
  try {
    const { stdout } = await run(
      process.execPath,
      [path.join(root, "scripts/prisma-migrate.mjs"), ...args, "--config", path.join(dir, configFile)],
      {
        cwd: dir,
        env: { ...process.env, DATABASE_URL: url },
      },
    );
    return { code: 0, out: stdout };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, out: err.stdout + err.stderr };
  }
}

async function sql(query: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(query)).rows;
  } finally {
    await c.end();
  }
}

// Next to the integration database and named after it, so that two checkouts testing on one server
// (each with its own TEST_DATABASE_URL) do not drop each other's migrate database.
const migrateDbName = () =>
  `${decodeURIComponent(new URL(process.env.DATABASE_URL!).pathname.slice(1))}_migrate`;

async function dropMigrateDb() {
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${migrateDbName()}" WITH (FORCE)`);
  await admin.end();
}

beforeAll(async () => {
  const u = new URL(process.env.DATABASE_URL!);
  u.pathname = `/${migrateDbName()}`;
  url = u.toString();
  await dropMigrateDb();
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, "prisma.config.ts"),
    `import { defineConfig } from "prisma/config";
export default defineConfig({ schema: "schema.prisma", migrations: { path: "migrations" }, datasource: { url: process.env.DATABASE_URL! } });\n`,
  );
  fs.writeFileSync(path.join(dir, "schema.prisma"), schema());
});

afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await dropMigrateDb();
});

const migrations = () =>
  fs
    .readdirSync(path.join(dir, "migrations"))
    .filter((d) => !d.endsWith(".toml"))
    .sort();

// Each test spawns up to five node processes (config loading, wasm engine, shadow database); on a busy
// 2-core machine that exceeds the project's 30 s default. A limit against hanging, not a speed check.
describe("scripts/prisma-migrate.mjs", { timeout: 180_000 }, () => {
  it("dev creates the database, writes the first migration and applies it", async () => {
    const r = await migrate("dev", "--name", "init");
    expect(r.code, r.out).toBe(0);
    expect(migrations()).toHaveLength(1);
    expect(migrations()[0]).toMatch(/^\d{14}_init$/);
    expect(
      fs.readFileSync(path.join(dir, "migrations", migrations()[0]!, "migration.sql"), "utf8"),
    ).toContain('CREATE TABLE "Thing"');
    expect(fs.readFileSync(path.join(dir, "migrations", "migration_lock.toml"), "utf8")).toContain(
      'provider = "postgresql"',
    );
    const rows = await sql(`SELECT migration_name, finished_at FROM _prisma_migrations`);
    expect(rows).toHaveLength(1);
    expect(rows[0].finished_at).not.toBeNull();
  });

  it("status reports up to date, and dev with no change writes nothing", async () => {
    const s = await migrate("status");
    expect(s.code, s.out).toBe(0);
    expect(s.out).toContain("Database schema is up to date!");
    const d = await migrate("dev", "--name", "noop");
    expect(d.code, d.out).toBe(0);
    expect(migrations()).toHaveLength(1);
  });

  it("a schema change becomes a new migration that status sees pending and deploy applies", async () => {
    fs.writeFileSync(path.join(dir, "schema.prisma"), schema("note String?"));
    const c = await migrate("dev", "--name", "add_x", "--create-only");
    expect(c.code, c.out).toBe(0);
    expect(migrations()).toHaveLength(2);
    expect(migrations()[1]).toMatch(/_add_x$/);
    const pending = await migrate("status");
    expect(pending.code).toBe(1);
    const dep = await migrate("deploy");
    expect(dep.code, dep.out).toBe(0);
    expect(dep.out).toMatch(/add_x/);
    const cols = await sql(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'Thing' ORDER BY column_name`,
    );
    expect(cols.map((c) => c.column_name)).toEqual(["id", "name", "note"]);
    expect((await migrate("status")).code).toBe(0);
  });

  it("applies a hand-written migration with a $$-quoted function body in one piece", async () => {
    const name = "29991231000000_fn";
    fs.mkdirSync(path.join(dir, "migrations", name));
    fs.writeFileSync(
      path.join(dir, "migrations", name, "migration.sql"),
      `CREATE FUNCTION thing_count() RETURNS bigint AS $$ SELECT count(*) FROM "Thing"; $$ LANGUAGE sql;\nSELECT 1;\n`,
    );
    const dep = await migrate("deploy");
    expect(dep.code, dep.out).toBe(0);
    expect(await sql("SELECT thing_count() AS n")).toEqual([{ n: "0" }]);
  });

  it("status fails when an applied migration was edited afterwards", async () => {
    const first = path.join(dir, "migrations", migrations()[0]!, "migration.sql");
    fs.appendFileSync(first, "\n-- edited\n");
    const s = await migrate("status");
    expect(s.code).toBe(1);
    expect(s.out).toContain("editedMigrationNames");
  });

  it("dev refuses to go on once applied history was edited, with the CLI's drift exit code 130", async () => {
    const d = await migrate("dev", "--name", "after_edit");
    expect(d.code, d.out).toBe(130);
    expect(d.out).toContain("Drift detected");
    expect(migrations()).toHaveLength(3);
  });

  it("diff prints the SQL from the migrations to the schema and writes nothing", async () => {
    fs.writeFileSync(path.join(dir, "schema.prisma"), schema("note String?\n  rank Int?"));
    try {
      const d = await migrate("diff");
      expect(d.code, d.out).toBe(0);
      expect(d.out).toMatch(/ALTER TABLE "Thing" ADD COLUMN\s+"rank" INTEGER;/);
      expect(migrations()).toHaveLength(3);
    } finally {
      fs.writeFileSync(path.join(dir, "schema.prisma"), schema("note String?"));
    }
  });

  it("reset needs --force, then re-applies every migration and status is clean again", async () => {
    const refused = await migrate("reset");
    expect(refused.code).toBe(1);
    expect(refused.out).toContain("pass --force");
    const r = await migrate("reset", "--force");
    expect(r.code, r.out).toBe(0);
    for (const name of migrations()) expect(r.out).toContain(`${name}/migration.sql`);
    expect(await sql("SELECT count(*)::int AS n FROM _prisma_migrations")).toEqual([{ n: 3 }]);
    expect((await migrate("status")).code).toBe(0);
  });
});

// A run that fails must say why in a readable message and exit 1. Before the split an invalid URL
// surfaced as a raw stack (pg's DNS lookup of "base", or the engine's "External error id#0"), and the
// crash handler named `url` before its declaration, so it could not be trusted while the config loaded.
describe("scripts/prisma-migrate.mjs failures say what went wrong", { timeout: 120_000 }, () => {
  const config = (file: string, datasource: string) =>
    fs.writeFileSync(
      path.join(dir, file),
      `import { defineConfig } from "prisma/config";
export default defineConfig({ schema: "schema.prisma", migrations: { path: "migrations" }${datasource} });\n`,
    );
  const stackLine = /^\s+at /m;

  it("a config without datasource.url", async () => {
    config("no-url.config.ts", "");
    for (const command of ["deploy", "status"]) {
      const r = await migrateWith("no-url.config.ts", command);
      expect(r.code, r.out).toBe(1);
      expect(r.out.trim()).toBe("datasource.url is not set in prisma.config.ts");
    }
  });

  it("a datasource.url that is not a URL, or not a postgres one", async () => {
    config("bad-url.config.ts", ', datasource: { url: "not a url" }');
    config("mysql-url.config.ts", ', datasource: { url: "mysql://root@127.0.0.1/x" }');
    for (const command of ["deploy", "status"]) {
      const bad = await migrateWith("bad-url.config.ts", command);
      expect(bad.code, bad.out).toBe(1);
      expect(bad.out).toContain("datasource.url in prisma.config.ts is not a valid URL");
      expect(bad.out).not.toMatch(stackLine);
    }
    const mysql = await migrateWith("mysql-url.config.ts", "status");
    expect(mysql.code, mysql.out).toBe(1);
    expect(mysql.out.trim()).toBe(
      "datasource.url in prisma.config.ts must be a postgresql:// URL, not mysql:",
    );
  });

  it("a server that refuses the connection", async () => {
    config("refused.config.ts", ', datasource: { url: "postgresql://postgres@127.0.0.1:1/nowhere" }');
    for (const command of ["deploy", "status"]) {
      const r = await migrateWith("refused.config.ts", command);
      expect(r.code, r.out).toBe(1);
      expect(r.out).toMatch(/ECONNREFUSED|Can't reach database server/);
      expect(r.out).not.toMatch(stackLine);
    }
  });

  it("a role without CREATEDB is told why the shadow database could not be made", async () => {
    // The CREATE DATABASE runs in our adapter factory; the engine reports its error as "External error
    // id#N" only, so the script looks the cause up. A fresh role: roles are per cluster, not per database.
    const role = `byline_test_nocreatedb_${process.pid}`;
    await sql(`CREATE ROLE "${role}" LOGIN PASSWORD 'pw' NOCREATEDB`);
    try {
      const u = new URL(url);
      u.username = role;
      u.password = "pw";
      config("no-createdb.config.ts", `, datasource: { url: ${JSON.stringify(u.toString())} }`);
      const r = await migrateWith("no-createdb.config.ts", "diff");
      expect(r.code, r.out).toBe(1);
      expect(r.out).toContain("Failed to connect to the shadow database");
      expect(r.out).toMatch(/External error id#\d+: permission denied to create database/);
    } finally {
      await sql(`DROP ROLE "${role}"`);
    }
  });
});
