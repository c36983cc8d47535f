/**
 * Acceptance (issue 15, backups): `npm run db:backup` of the seeded demo site (the fault suite's
 * database and media folder), `npm run db:restore` into an empty database that was never migrated
 * (the dump carries the schema) and a media folder of its own; both served with the production
 * build, every public page is byte-identical, and a changed title is reported
 * (lib/test/site-servers.ts). Then what a restore refuses and how it fails: a database that is not
 * empty, a pg_restore error half-way (nothing of it stays), a damaged backup; and the S3 driver
 * both ways.
 */
import fs from "node:fs";
import path from "node:path";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  expectSameSites,
  faultSite,
  recreateDatabase,
  runScript,
  siteServers,
  withClient,
  type Site,
} from "@/lib/test/site-servers";

const work = path.resolve(import.meta.dirname, "../../..", ".data", "test-backup-roundtrip");
const backup = path.join(work, "backup");
const B: Site = { db: "byline_test_backup_b", uploads: path.join(work, "uploads-b") };
const C: Site = { db: "byline_test_backup_c", uploads: path.join(work, "uploads-c") };
const servers = siteServers("backup");
let article = "";

type Manifest = {
  database: { tables: Record<string, number> };
  media: { files: { key: string; size: number }[]; missing: string[] };
};
const manifestOf = (dir: string) =>
  JSON.parse(fs.readFileSync(path.join(dir, "manifest.json"), "utf8")) as Manifest;
const filesUnder = (dir: string) =>
  fs.existsSync(dir)
    ? fs
        .readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
        .filter((f) => !f.startsWith(".tmp"))
        .sort()
    : [];
const titleOf = (db: string, publicId: string) =>
  withClient(db, async (c) => {
    const { rows } = await c.query(`SELECT title FROM articles WHERE "publicId" = $1`, [publicId]);
    return rows[0]?.title as string | undefined;
  });
/** the stderr of a command that must fail */
const failure = (run: Promise<unknown>) =>
  run.then(
    () => {
      throw new Error("the command succeeded, it should have failed");
    },
    (e: { code?: number; stderr?: string }) => {
      expect(e.code).toBe(1);
      return e.stderr ?? "";
    },
  );

beforeAll(async () => {
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true });
  await recreateDatabase(B.db, { migrated: false });
  const t0 = Date.now();
  await runScript("db-backup.mjs", [backup], faultSite());
  const t1 = Date.now();
  await runScript("db-restore.mjs", [backup], B);
  console.log(`backup ${(t1 - t0) / 1000} s, restore ${(Date.now() - t1) / 1000} s`);
}, 240_000);

afterAll(async () => {
  await servers.cleanup();
  fs.rmSync(work, { recursive: true, force: true });
});

describe("db:backup → db:restore", () => {
  it("backs up every media file the database names and restores them into the other folder", () => {
    const manifest = manifestOf(backup);
    expect(manifest.media.missing).toEqual([]);
    expect(manifest.media.files.length).toBeGreaterThan(0);
    expect(manifest.database.tables.articles).toBeGreaterThan(0);
    expect(filesUnder(B.uploads)).toEqual(manifest.media.files.map((f) => f.key).sort());
  });

  it("serves every public page byte for byte the same, and reports a changed title", async () => {
    ({ article } = await expectSameSites("backup round trip", servers, faultSite(), B));
  }, 600_000);

  it("refuses a database that is not empty; --force restores it, and a failing pg_restore leaves it as it was", async () => {
    const publicId = article.split("/")[2]!;
    const original = await titleOf(faultSite().db, publicId);
    expect(await titleOf(B.db, publicId)).toBe(`${original}（已改）`);

    const refused = await failure(runScript("db-restore.mjs", [backup], B));
    expect(refused).toContain("目标数据库不是空的");
    expect(await titleOf(B.db, publicId)).toBe(`${original}（已改）`);

    // a view on articles that the backup does not know: --force cannot drop the table, pg_restore
    // fails after it already ran statements and placed media, and all of it must be undone
    const [key] = manifestOf(backup).media.files.map((f) => f.key);
    fs.rmSync(path.join(B.uploads, key!));
    await withClient(B.db, (c) => c.query("CREATE VIEW keep_articles AS SELECT id FROM articles"));
    const failed = await failure(runScript("db-restore.mjs", [backup, "--force"], B));
    expect(failed).toContain("pg_restore 失败");
    expect(failed).toContain("keep_articles");
    expect(await titleOf(B.db, publicId)).toBe(`${original}（已改）`);
    expect(fs.existsSync(path.join(B.uploads, key!))).toBe(false);

    await withClient(B.db, (c) => c.query("DROP VIEW keep_articles"));
    await runScript("db-restore.mjs", [backup, "--force"], B);
    expect(await titleOf(B.db, publicId)).toBe(original);
    expect(fs.existsSync(path.join(B.uploads, key!))).toBe(true);
  }, 120_000);

  it("refuses a damaged backup before writing anything", async () => {
    const damaged = path.join(work, "damaged");
    fs.cpSync(backup, damaged, { recursive: true });
    const key = manifestOf(damaged).media.files[0]!.key;
    const file = path.join(damaged, "media", key);
    const bytes = fs.readFileSync(file);
    bytes[bytes.length >> 1] = bytes[bytes.length >> 1]! ^ 0xff;
    fs.writeFileSync(file, bytes);
    await recreateDatabase(C.db, { migrated: false });

    const refused = await failure(runScript("db-restore.mjs", [damaged], C));
    expect(refused).toContain("备份未通过校验");
    expect(refused).toContain(`media/${key} 的内容与其地址不符`);
    const relations = await withClient(C.db, async (c) => {
      const { rows } = await c.query(
        `SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'`,
      );
      return rows[0].n as number;
    });
    expect(relations).toBe(0);
    expect(filesUnder(C.uploads)).toEqual([]);
  }, 120_000);

  it("restores into an S3 store and backs up from it (MEDIA_STORAGE=s3, s3rver)", async () => {
    const s3 = new S3rver({
      address: "127.0.0.1",
      port: 0,
      silent: true,
      directory: path.join(work, "s3"),
      configureBuckets: [{ name: "byline-media", configs: [] }],
    });
    const { port } = await s3.run();
    try {
      const env = {
        MEDIA_STORAGE: "s3",
        S3_BUCKET: "byline-media",
        S3_ENDPOINT: `http://127.0.0.1:${port}`,
        S3_ACCESS_KEY_ID: "S3RVER",
        S3_SECRET_ACCESS_KEY: "S3RVER",
        S3_PREFIX: "restored",
      };
      await recreateDatabase(C.db, { migrated: false });
      await runScript("db-restore.mjs", [backup], C, env);
      const again = path.join(work, "backup-from-s3");
      await runScript("db-backup.mjs", [again], C, env);
      const [first, second] = [manifestOf(backup), manifestOf(again)];
      expect(second.media.missing).toEqual([]);
      expect(second.media.files).toEqual(first.media.files);
      expect(second.database.tables).toEqual(first.database.tables);
      // the local folder was only staging: every file went to the bucket
      expect(filesUnder(C.uploads)).toEqual([]);
    } finally {
      await s3.close();
    }
  }, 120_000);
});
