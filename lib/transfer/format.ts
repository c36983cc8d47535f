import { z } from "zod";

/**
 * The site archive (docs/transfer.md): a zip holding manifest.json, one NDJSON file per table
 * under data/ and the media files under media/<storage key>. Everything an import will read is
 * named here, so an entry that is not is refused as unknown.
 */
export const ARCHIVE_FORMAT = "byline-site";
export const ARCHIVE_VERSION = 1;
export const MANIFEST_NAME = "manifest.json";

/**
 * Limits checked before anything is decompressed (the central directory declares them) and again
 * while reading (yauzl's validateEntrySizes stops an entry that inflates past its declared size).
 */
export const ARCHIVE_LIMITS = {
  /** the uploaded zip itself */
  archiveBytes: 1024 * 1024 * 1024,
  /** entries in the zip: tables + media files and their renditions */
  entries: 5_000,
  /** one entry, decompressed */
  entryBytes: 256 * 1024 * 1024,
  /** all entries together, decompressed */
  totalBytes: 2 * 1024 * 1024 * 1024,
  /** one NDJSON line (one row): an article body is at most 500 KB of JSON */
  lineBytes: 4 * 1024 * 1024,
  /** manifest.json */
  manifestBytes: 1024 * 1024,
  /** JSON nesting inside one row (a tiptap document is a few levels deep) */
  jsonDepth: 128,
} as const;

// content-addressed media keys, as lib/media/storage/local.ts accepts them
const MEDIA_KEY = /^[0-9a-f]{2}\/[0-9a-f]{64}\.[a-z]{3,4}$/;

export const dataEntryName = (table: string) => `data/${table}.ndjson`;
export const mediaEntryName = (key: string) => `media/${key}`;
export const isMediaKey = (key: string) => MEDIA_KEY.test(key);

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, "应为 64 位十六进制 SHA-256");

const manifestEntrySchema = z.strictObject({
  name: z.string().min(1).max(200),
  size: z.number().int().min(0).max(ARCHIVE_LIMITS.entryBytes),
  sha256: sha256Hex,
});

export const manifestSchema = z.strictObject({
  format: z.literal(ARCHIVE_FORMAT),
  version: z.literal(ARCHIVE_VERSION),
  createdAt: z.iso.datetime({ offset: true }),
  siteUrl: z.string().max(2048),
  counts: z.record(z.string().max(64), z.number().int().min(0)),
  entries: z.array(manifestEntrySchema).max(ARCHIVE_LIMITS.entries),
});

export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestEntry = z.infer<typeof manifestEntrySchema>;
