import { createHash } from "node:crypto";
import { Readable, Transform } from "node:stream";
import yazl from "yazl";
import {
  ARCHIVE_FORMAT,
  ARCHIVE_VERSION,
  MANIFEST_NAME,
  dataEntryName,
  mediaEntryName,
  type Manifest,
  type ManifestEntry,
} from "./format";
import type { TableSpec } from "./tables";

/** Where the writer gets its rows and files: the service passes the database and the media store. */
export type ArchiveSource = {
  /** the table's rows, page by page, in primary-key order */
  rows(table: TableSpec): AsyncIterable<Record<string, unknown>[]>;
  /** every media storage key to include (originals and renditions) that the store holds */
  mediaKeys(): Promise<string[]>;
  /** a media file's bytes, or null when the store has no such key */
  media(key: string): Promise<Readable | null>;
};

/** Counts and hashes an entry's bytes on their way into the zip. */
function measured(name: string, done: (e: ManifestEntry) => void): Transform {
  const hash = createHash("sha256");
  let size = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, cb) {
      hash.update(chunk);
      size += chunk.length;
      cb(null, chunk);
    },
    flush(cb) {
      done({ name, size, sha256: hash.digest("hex") });
      cb();
    },
  });
}

async function* ndjson(source: ArchiveSource, table: TableSpec, count: (n: number) => void) {
  for await (const page of source.rows(table)) {
    count(page.length);
    yield Buffer.from(page.map((r) => JSON.stringify(r) + "\n").join(""), "utf8");
  }
}

/**
 * The site as a zip stream: each entry is produced only when yazl reaches it (one table page or
 * one file chunk in memory at a time), and manifest.json comes last, once every other entry's
 * size and SHA-256 are known.
 */
export async function writeArchive(
  source: ArchiveSource,
  tables: TableSpec[],
  meta: { siteUrl: string; createdAt: Date },
): Promise<NodeJS.ReadableStream> {
  const zip = new yazl.ZipFile();
  const entries: ManifestEntry[] = [];
  const counts: Record<string, number> = {};
  const opts = { mtime: meta.createdAt, compress: true };
  const add = (e: ManifestEntry) => entries.push(e);

  for (const table of tables) {
    counts[table.name] = 0;
    const name = dataEntryName(table.name);
    zip.addReadStreamLazy(name, opts, (cb) => {
      const rows = Readable.from(ndjson(source, table, (n) => (counts[table.name]! += n)));
      const out = measured(name, add);
      rows.once("error", (e) => out.destroy(e));
      cb(null, rows.pipe(out));
    });
  }

  const keys = await source.mediaKeys();
  counts.media_files = 0;
  for (const key of keys) {
    const name = mediaEntryName(key);
    // images are compressed already: stored as they are
    zip.addReadStreamLazy(name, { ...opts, compress: false }, (cb) => {
      source.media(key).then(
        (stream) => {
          const out = measured(name, add);
          // mediaKeys() only lists files the store has: one gone since is a failed export
          if (!stream) return cb(new Error(`media file ${key} disappeared during the export`), out);
          counts.media_files! += 1;
          stream.once("error", (e) => out.destroy(e));
          cb(null, stream.pipe(out));
        },
        (e) => cb(e, Readable.from([])),
      );
    });
  }

  zip.addReadStreamLazy(MANIFEST_NAME, opts, (cb) => {
    const manifest: Manifest = {
      format: ARCHIVE_FORMAT,
      version: ARCHIVE_VERSION,
      createdAt: meta.createdAt.toISOString(),
      siteUrl: meta.siteUrl,
      counts,
      entries,
    };
    cb(null, Readable.from([Buffer.from(JSON.stringify(manifest, null, 2), "utf8")]));
  });
  zip.end();
  return zip.outputStream;
}
