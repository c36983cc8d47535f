import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { ARCHIVE_LIMITS, MANIFEST_NAME, dataEntryName, manifestSchema, type Manifest } from "./format";
import { entryChunks, openArchive, type OpenedArchive } from "./entries";
import { readRows } from "./read-rows";
import { describeIssue, refuse } from "./refusal";
import { TABLES } from "./tables";

export type StagedMedia = { key: string; file: string };
export type Inspection = { manifest: Manifest; rows: Record<string, number>; media: StagedMedia[] };

async function readManifest(archive: OpenedArchive): Promise<Manifest> {
  const entry = archive.entries.get(MANIFEST_NAME);
  if (!entry) return refuse(null, "归档中没有 manifest.json，不是 Byline 站点归档。");
  if (entry.uncompressedSize > ARCHIVE_LIMITS.manifestBytes) refuse(MANIFEST_NAME, "文件过大。");
  const parts: Buffer[] = [];
  for await (const chunk of entryChunks(archive, MANIFEST_NAME)) parts.push(chunk);
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(parts)));
  } catch {
    refuse(MANIFEST_NAME, "不是有效的 JSON。");
  }
  const parsed = manifestSchema.safeParse(value);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    if (first.path[0] === "format" || first.path[0] === "version")
      refuse(MANIFEST_NAME, "不是本版本 Byline 的站点归档（format 或 version 不符）。");
    refuse(MANIFEST_NAME, describeIssue(parsed.error, value));
  }
  return parsed.data!;
}

/** The manifest must list exactly the zip's other entries, each with its decompressed size. */
function matchManifest(archive: OpenedArchive, manifest: Manifest) {
  const listed = new Map<string, number>();
  for (const e of manifest.entries) {
    if (listed.has(e.name)) refuse(MANIFEST_NAME, `重复列出了条目 ${e.name}。`);
    listed.set(e.name, e.size);
    const entry = archive.entries.get(e.name);
    if (!entry) refuse(MANIFEST_NAME, `列出的条目 ${e.name} 不在归档中（归档不完整）。`);
    if (entry!.uncompressedSize !== e.size) refuse(e.name, "zip 中声明的大小与 manifest.json 不符。");
  }
  for (const name of archive.entries.keys())
    if (name !== MANIFEST_NAME && !listed.has(name)) refuse(name, "没有列在 manifest.json 中。");
  for (const t of TABLES)
    if (!listed.has(dataEntryName(t.name))) refuse(null, `归档缺少数据文件 ${dataEntryName(t.name)}。`);
}

/** Passes the bytes through while hashing them; the digest must match the manifest's. */
function verifying(name: string, want: string) {
  return async function* (chunks: AsyncIterable<Buffer>) {
    const hash = createHash("sha256");
    for await (const chunk of chunks) {
      hash.update(chunk);
      yield chunk;
    }
    if (hash.digest("hex") !== want)
      refuse(name, "内容的 SHA-256 与 manifest.json 不符（归档已损坏或被改动）。");
  };
}

/** A media entry into the staging folder; its bytes must hash to its content-addressed key. */
async function stageMedia(
  archive: OpenedArchive,
  name: string,
  want: string,
  dir: string,
): Promise<StagedMedia> {
  const key = name.slice("media/".length);
  const digest = key.slice(3, 67);
  if (want !== digest) refuse(name, "文件名中的 SHA-256 与 manifest.json 不符。");
  const file = path.join(dir, path.basename(key));
  const out = fs.createWriteStream(file, { flags: "wx" });
  try {
    for await (const chunk of verifying(name, want)(entryChunks(archive, name)))
      if (!out.write(chunk)) await new Promise<void>((r) => out.once("drain", () => r()));
  } finally {
    await new Promise<void>((r) => out.end(() => r()));
  }
  return { key, file };
}

/**
 * Reads the whole archive once and checks everything before the import writes a row: the
 * manifest, every entry's size and SHA-256, every row against its strict schema, row counts.
 * Media files land in `stagingDir` (the caller removes it). Throws ArchiveRefusal.
 */
export async function inspectArchive(file: string, stagingDir: string): Promise<Inspection> {
  const archive = await openArchive(file);
  try {
    const manifest = await readManifest(archive);
    matchManifest(archive, manifest);
    const sha = new Map(manifest.entries.map((e) => [e.name, e.sha256]));
    const rows: Record<string, number> = {};
    for (const t of TABLES) {
      const name = dataEntryName(t.name);
      let n = 0;
      for await (const row of readRows(archive, t, verifying(name, sha.get(name)!))) if (row) n += 1;
      if (n !== (manifest.counts[t.name] ?? -1))
        refuse(name, `有 ${n} 行，与 manifest.json 记录的 ${manifest.counts[t.name] ?? "（缺失）"} 行不符。`);
      rows[t.name] = n;
    }
    const media: StagedMedia[] = [];
    for (const name of archive.entries.keys())
      if (name.startsWith("media/")) media.push(await stageMedia(archive, name, sha.get(name)!, stagingDir));
    return { manifest, rows, media };
  } finally {
    archive.zip.close();
  }
}
