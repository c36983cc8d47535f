// Builds site archives for the transfer tests: a valid one from rows, then broken on purpose.
import { createHash } from "node:crypto";
import { buffer } from "node:stream/consumers";
import yazl from "yazl";
import { ARCHIVE_FORMAT, ARCHIVE_VERSION, MANIFEST_NAME, dataEntryName } from "@/lib/transfer/format";
import { TABLES } from "@/lib/transfer/tables";

type Entry = { name: string; data: Buffer; mode?: number; compress?: boolean };
const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");

/** Every table file (empty unless given), media files, and a manifest that matches them. */
export function archiveEntries(
  tables: Record<string, unknown[]> = {},
  media: Record<string, Buffer> = {},
  opts: { manifestPatch?: (m: Record<string, unknown>) => void } = {},
): Entry[] {
  const entries: Entry[] = [];
  const counts: Record<string, number> = {};
  for (const t of TABLES) {
    const rows = tables[t.name] ?? [];
    counts[t.name] = rows.length;
    entries.push({
      name: dataEntryName(t.name),
      data: Buffer.from(rows.map((r) => JSON.stringify(r) + "\n").join("")),
    });
  }
  for (const [key, data] of Object.entries(media)) entries.push({ name: `media/${key}`, data });
  const manifest: Record<string, unknown> = {
    format: ARCHIVE_FORMAT,
    version: ARCHIVE_VERSION,
    createdAt: new Date().toISOString(),
    siteUrl: "http://localhost:3000",
    counts,
    entries: entries.map((e) => ({ name: e.name, size: e.data.length, sha256: sha(e.data) })),
  };
  opts.manifestPatch?.(manifest);
  entries.push({ name: MANIFEST_NAME, data: Buffer.from(JSON.stringify(manifest)) });
  return entries;
}

/** The entries as a zip (yazl: it refuses unsafe names, so tests patch those in afterwards). */
export async function zipOf(entries: Entry[]): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  // stored, not deflated: yazl deflates each entry asynchronously, 10,000 of them take half a minute
  for (const e of entries)
    zip.addBuffer(e.data, e.name, { compress: e.compress ?? false, ...(e.mode ? { mode: e.mode } : {}) });
  zip.end();
  return buffer(zip.outputStream as NodeJS.ReadableStream & AsyncIterable<Buffer>);
}

/** Replaces a name in the zip's headers by another of the same length (what yazl would refuse to write). */
export function renameInZip(zip: Buffer, from: string, to: string): Buffer {
  if (from.length !== to.length) throw new Error("same length only");
  const out = Buffer.from(zip);
  const a = Buffer.from(from);
  for (let i = out.indexOf(a); i !== -1; i = out.indexOf(a, i + 1)) out.write(to, i, "latin1");
  return out;
}

/** Sets the uncompressed size the central directory declares for an entry (an entry "larger than declared"). */
export function declareSize(zip: Buffer, name: string, size: number): Buffer {
  const out = Buffer.from(zip);
  const sig = Buffer.from([0x50, 0x4b, 0x01, 0x02]);
  for (let i = out.indexOf(sig); i !== -1; i = out.indexOf(sig, i + 4)) {
    const nameLength = out.readUInt16LE(i + 28);
    if (out.toString("utf8", i + 46, i + 46 + nameLength) === name) out.writeUInt32LE(size, i + 24);
  }
  return out;
}
