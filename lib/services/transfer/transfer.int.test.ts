import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createArticle, createCategory, createTag, uid } from "@/lib/test/factories";
import { TABLES } from "@/lib/transfer/tables";
import { createActor } from "../admin/test-helpers";
import { exportSite } from "./export-site";
import { importSite, type ImportMode } from "./import-site";
import { delegateOf } from "./table-rows";
import { archiveEntries, declareSize, renameInZip, zipOf } from "./test-archive";

let dir: string;
let uploads: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "byline-transfer-"));
  uploads = path.join(dir, "uploads");
  process.env.UPLOAD_DIR = uploads;
  // the site is not empty: every refusal below must also leave existing rows alone
  await createArticle();
});
afterAll(async () => fs.rm(dir, { recursive: true, force: true }));

async function filesUnder(root: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await fs.readdir(root, { withFileTypes: true, recursive: true }).catch(() => []))
    if (!e.isDirectory()) out.push(path.join(e.parentPath, e.name));
  return out.sort();
}

/** Row counts of every table an import writes, users and audit log included, and the media folder. */
async function state() {
  const counts: Record<string, number> = {};
  for (const t of TABLES)
    counts[t.name] = await (delegateOf(db, t) as unknown as { count(): Promise<number> }).count();
  counts.audit = await db.auditLog.count();
  return { counts, files: await filesUnder(uploads) };
}

async function importBuffer(zip: Buffer, mode: ImportMode = "merge") {
  const file = path.join(dir, `${uid()}.zip`);
  await fs.writeFile(file, zip);
  return importSite(await createActor("ADMIN"), file, mode);
}

/** The import is refused with a message matching `message`, and nothing changed. */
async function expectRefused(zip: Buffer, message: RegExp, mode: ImportMode = "merge") {
  const admin = await createActor("ADMIN");
  const file = path.join(dir, `${uid()}.zip`);
  await fs.writeFile(file, zip);
  const before = await state();
  const err = await importSite(admin, file, mode).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).message).toMatch(message);
  expect(await state()).toEqual(before);
}

const png = Buffer.from("89504e470d0a1a0a", "hex");

describe("site import refuses hostile archives and changes nothing", () => {
  it("a path escaping the folder, an absolute path, a backslash", async () => {
    const base = archiveEntries();
    const placeholder = "media/xxxxxxxxxxxxxxxxxxxxxxxx";
    const zip = await zipOf([...base, { name: placeholder, data: png }]);
    const as = (name: string) => renameInZip(zip, placeholder, name.padEnd(placeholder.length, "x"));
    await expectRefused(as("media/../../../etc/evil"), /「\.\.」.*跳出目标文件夹/);
    await expectRefused(as("/tmp/evil"), /绝对路径/);
    await expectRefused(as("media\\..\\..\\evil"), /反斜杠/);
  });

  it("an entry far larger than its declared size (zip bomb)", async () => {
    const big = Buffer.alloc(5 * 1024 * 1024, 0x61);
    const entries = archiveEntries({}, {}, {});
    const rows = entries.find((e) => e.name === "data/tags.ndjson")!;
    rows.data = big;
    rows.compress = true;
    // the manifest agrees with the (false) declared size: only the inflating stream can tell
    const manifest = JSON.parse(entries.at(-1)!.data.toString());
    manifest.entries.find((e: { name: string }) => e.name === "data/tags.ndjson").size = 10;
    entries.at(-1)!.data = Buffer.from(JSON.stringify(manifest));
    const zip = declareSize(await zipOf(entries), "data/tags.ndjson", 10);
    await expectRefused(zip, /data\/tags\.ndjson.*实际大小与声明的大小不符/);
  });

  it("a symlink entry", async () => {
    const key = `ab/${"c".repeat(64)}.png`;
    const entries = archiveEntries({}, { [key]: Buffer.from("/etc/passwd") });
    entries.find((e) => e.name === `media/${key}`)!.mode = 0o120777;
    await expectRefused(await zipOf(entries), /符号链接/);
  });

  it("a duplicate entry", async () => {
    const entries = archiveEntries();
    await expectRefused(await zipOf([...entries, entries[0]!]), /data\/users\.ndjson.*重复条目/);
  });

  it("an unknown file", async () => {
    await expectRefused(
      await zipOf([...archiveEntries(), { name: "notes.txt", data: png }]),
      /notes\.txt.*未知条目/,
    );
  });

  it("JSON with unknown fields or operator objects in place of values", async () => {
    const tag = {
      id: 900_001,
      slug: `t-${uid()}`,
      name: `标签${uid(4)}`,
      kind: "TOPIC",
      description: null,
      createdAt: new Date().toISOString(),
    };
    await expectRefused(
      await zipOf(archiveEntries({ tags: [{ ...tag, isAdmin: true }] })),
      /data\/tags\.ndjson.*第 1 行.*未知字段 isAdmin/,
    );
    await expectRefused(
      await zipOf(archiveEntries({ tags: [{ ...tag, slug: { $gt: "" } }] })),
      /data\/tags\.ndjson.*第 1 行.*字段 slug.*不接受对象/,
    );
  });

  it("10,000 tiny entries", async () => {
    const entries = archiveEntries();
    for (let i = 0; i < 10_000; i++)
      entries.push({ name: `media/${String(i).padStart(2, "0")}`, data: Buffer.from("x") });
    await expectRefused(await zipOf(entries), /10\d{3} 个条目，超过上限/);
  });

  it("a truncated archive", async () => {
    const zip = await zipOf(archiveEntries({}, { [`ab/${"d".repeat(64)}.png`]: png }));
    await expectRefused(zip.subarray(0, Math.floor(zip.length / 2)), /不是完整的 zip 归档/);
  });

  it("a media file whose bytes do not match its content address", async () => {
    await expectRefused(await zipOf(archiveEntries({}, { [`ab/${"e".repeat(64)}.png`]: png })), /SHA-256/);
  });

  it("a site with content, without the merge confirmation", async () => {
    await expectRefused(await zipOf(archiveEntries()), /本站已有内容.*合并/, "empty");
  });

  it("rows the database refuses roll the whole import back", async () => {
    // a valid tag, then an article pointing at a category that exists nowhere
    const tag = {
      id: 900_002,
      slug: `t-${uid()}`,
      name: `标签${uid(4)}`,
      kind: "TOPIC",
      description: null,
      createdAt: new Date().toISOString(),
    };
    const link = { articleId: "nosucharticle", tagId: 900_002 };
    await expectRefused(
      await zipOf(archiveEntries({ tags: [tag], article_tags: [link] })),
      /冲突或引用不一致/,
    );
  });
});

describe("site export → import", () => {
  it("brings deleted rows back identical, with their media, and audits both", async () => {
    const admin = await createActor("ADMIN");
    const category = await createCategory();
    const tag = await createTag();
    const article = await createArticle({ categoryId: category.id, tagIds: [tag.id] });
    const pick = async () => ({
      article: await db.article.findUniqueOrThrow({ where: { id: article.id } }),
      category: await db.category.findUniqueOrThrow({ where: { id: category.id } }),
      tag: await db.tag.findUniqueOrThrow({ where: { id: tag.id } }),
      link: await db.articleTag.findMany({ where: { articleId: article.id } }),
    });
    const before = await pick();

    const { stream, fileName } = await exportSite(admin);
    expect(fileName).toMatch(/^byline-site-.*\.zip$/);
    const file = path.join(dir, fileName);
    await fs.writeFile(file, stream as NodeJS.ReadableStream & AsyncIterable<Buffer>);
    expect(await db.auditLog.count({ where: { actorId: admin.id, action: "site.export" } })).toBe(1);

    await db.article.delete({ where: { id: article.id } });
    await db.tag.delete({ where: { id: tag.id } });
    await db.category.delete({ where: { id: category.id } });
    const summary = await importSite(admin, file, "merge");
    expect(summary.inserted).toMatchObject({ articles: 1, tags: 1, categories: 1, article_tags: 1 });
    expect(await pick()).toEqual(before);
    const [searchable] = await db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM articles WHERE id = ${article.id} AND "searchVector" IS NOT NULL`;
    expect(Number(searchable!.n)).toBe(1);
    expect(await db.auditLog.count({ where: { actorId: admin.id, action: "site.import" } })).toBe(1);

    // importing the same archive again adds nothing
    const again = await importBuffer(await fs.readFile(file));
    expect(Object.values(again.inserted).every((n) => n === 0)).toBe(true);
  });

  it("never exports password hashes, TOTP secrets or comment IPs", async () => {
    const admin = await createActor("ADMIN");
    const { stream } = await exportSite(admin);
    const file = path.join(dir, `${uid()}.zip`);
    await fs.writeFile(file, stream as NodeJS.ReadableStream & AsyncIterable<Buffer>);
    const bytes = await fs.readFile(file);
    const { default: yauzl } = await import("yauzl");
    const zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true });
    const names: string[] = [];
    let users = "";
    for await (const entry of zip.eachEntry()) {
      names.push(entry.fileName);
      if (entry.fileName === "data/users.ndjson")
        for await (const c of await zip.openReadStreamPromise(entry)) users += String(c);
    }
    expect(names).toContain("manifest.json");
    expect(users).toContain(admin.id);
    expect(users).not.toMatch(/passwordHash|argon2|totpSecret|sessionVersion/);
  });
});
