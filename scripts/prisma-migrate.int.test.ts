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
  try {
    const { stdout } = await run(process.execPath, [path.join(root, "scripts/prisma-migrate.mjs"), ...args, "--config", path.join(dir, "prisma.config.ts")], {
      cwd: dir,
      env: { ...process.env, DATABASE_URL: url },
    });
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

beforeAll(async () => {
  const u = new URL(process.env.DATABASE_URL!);
  u.pathname = "/byline_test_migrate";
  url = u.toString();
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query('DROP DATABASE IF EXISTS "byline_test_migrate" WITH (FORCE)');
  await admin.end();
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, "prisma.config.ts"),
    `import { defineConfig } from "prisma/config";
export default defineConfig({ schema: "schema.prisma", migrations: { path: "migrations" }, datasource: { url: process.env.DATABASE_URL! } });\n`,
  );
  fs.writeFileSync(path.join(dir, "schema.prisma"), schema());
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const migrations = () => fs.readdirSync(path.join(dir, "migrations")).filter((d) => !d.endsWith(".toml")).sort();

describe("scripts/prisma-migrate.mjs", () => {
  it("dev creates the database, writes the first migration and applies it", async () => {
    const r = await migrate("dev", "--name", "init");
    expect(r.code, r.out).toBe(0);
    expect(migrations()).toHaveLength(1);
    expect(migrations()[0]).toMatch(/^\d{14}_init$/);
    expect(fs.readFileSync(path.join(dir, "migrations", migrations()[0]!, "migration.sql"), "utf8")).toContain('CREATE TABLE "Thing"');
    expect(fs.readFileSync(path.join(dir, "migrations", "migration_lock.toml"), "utf8")).toContain('provider = "postgresql"');
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
    const cols = await sql(`SELECT column_name FROM information_schema.columns WHERE table_name = 'Thing' ORDER BY column_name`);
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
});
