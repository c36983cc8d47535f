import { describe, expect, it } from "vitest";
import {
  BackupError,
  checkBackupFiles,
  countDifferences,
  parseManifest,
  versionProblem,
  type BackupManifest,
} from "./backup-manifest.mjs";

const hash = (c: string) => c.repeat(64);
const key = (c: string) => `${hash(c).slice(0, 2)}/${hash(c)}.webp`;
const manifest = (): BackupManifest => ({
  format: "byline-backup",
  version: 1,
  createdAt: "2026-12-03T12:00:00.000Z",
  database: {
    file: "database.dump",
    size: 100,
    sha256: hash("d"),
    server: "15.18",
    serverMajor: 15,
    pgDump: "15.20",
    pgDumpMajor: 15,
    lastMigration: "20261203083343_integrations_webhooks",
    tables: { articles: 46, media: 2 },
  },
  media: {
    storage: "local",
    files: [
      { key: key("a"), size: 10 },
      { key: key("b"), size: 20 },
    ],
    missing: [],
  },
});
const goodFiles = () => ({
  dump: { size: 100, sha256: hash("d") },
  media: new Map([
    [key("a"), { size: 10, sha256: hash("a") }],
    [key("b"), { size: 20, sha256: hash("b") }],
  ]),
});

describe("parseManifest", () => {
  it("reads a manifest the backup wrote", () => {
    expect(parseManifest(JSON.stringify(manifest()))).toEqual(manifest());
  });

  it("refuses what is not a Byline backup of this format, naming the problem", () => {
    const refuse = (text: string, why: string) => {
      expect(() => parseManifest(text)).toThrow(BackupError);
      expect(() => parseManifest(text)).toThrow(why);
    };
    refuse("{", "不是有效的 JSON");
    refuse(JSON.stringify({ ...manifest(), format: "byline-site" }), "这不是 Byline 备份");
    refuse(JSON.stringify({ ...manifest(), version: 2 }), "版本 2 不受支持");
    refuse(JSON.stringify({ ...manifest(), extra: 1 }), "无效");
    const badKey = manifest();
    badKey.media.files[0]!.key = "../../etc/passwd";
    refuse(JSON.stringify(badKey), "media.files.0.key");
    const badHash = manifest();
    badHash.database.sha256 = "xyz";
    refuse(JSON.stringify(badHash), "database.sha256");
  });
});

describe("checkBackupFiles", () => {
  it("finds nothing wrong with the files the manifest lists", () => {
    expect(checkBackupFiles(manifest(), goodFiles())).toEqual([]);
  });

  it("reports a missing, short or changed dump", () => {
    expect(checkBackupFiles(manifest(), { ...goodFiles(), dump: null })).toEqual(["缺少 database.dump"]);
    expect(
      checkBackupFiles(manifest(), { ...goodFiles(), dump: { size: 99, sha256: hash("d") } })[0],
    ).toContain("大小为 99 字节");
    expect(checkBackupFiles(manifest(), { ...goodFiles(), dump: { size: 100, sha256: hash("e") } })).toEqual([
      "database.dump 的 SHA-256 与清单不符",
    ]);
  });

  it("reports missing, resized, damaged and unlisted media files", () => {
    const files = goodFiles();
    files.media.delete(key("a"));
    files.media.set(key("b"), { size: 20, sha256: hash("c") });
    files.media.set(key("f"), { size: 1, sha256: hash("f") });
    expect(checkBackupFiles(manifest(), files)).toEqual([
      `缺少媒体文件 media/${key("a")}`,
      `媒体文件 media/${key("b")} 的内容与其地址不符`,
      `清单未列出的文件 media/${key("f")}`,
    ]);
    const resized = goodFiles();
    resized.media.set(key("a"), { size: 11, sha256: hash("a") });
    expect(checkBackupFiles(manifest(), resized)).toEqual([`媒体文件 media/${key("a")} 大小与清单不符`]);
  });
});

describe("versionProblem", () => {
  it("accepts the same or a newer server and pg_restore", () => {
    expect(versionProblem(manifest(), { serverMajor: 15, pgRestoreMajor: 15 })).toBeNull();
    expect(versionProblem(manifest(), { serverMajor: 17, pgRestoreMajor: 17 })).toBeNull();
  });

  it("refuses an older server, and a pg_restore older than the pg_dump that wrote the archive", () => {
    const newer = manifest();
    Object.assign(newer.database, { server: "17.2", serverMajor: 17, pgDump: "17.2", pgDumpMajor: 17 });
    expect(versionProblem(newer, { serverMajor: 15, pgRestoreMajor: 17 })).toContain(
      "不能恢复到更旧的主版本",
    );
    expect(versionProblem(newer, { serverMajor: 17, pgRestoreMajor: 15 })).toContain("pg_restore 15 读不了");
  });
});

describe("countDifferences", () => {
  it("lists the tables whose rows differ after a restore", () => {
    expect(countDifferences({ articles: 46, media: 2 }, { articles: 46, media: 2, extra: 5 })).toEqual([]);
    expect(countDifferences({ articles: 46, media: 2 }, { articles: 45 })).toEqual([
      "articles：备份 46 行，恢复后 45 行",
      "media：备份 2 行，恢复后没有这张表",
    ]);
  });
});
