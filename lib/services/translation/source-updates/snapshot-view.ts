import type { SegmentKind } from "@/lib/generated/prisma/enums";
import type { SourceSegment } from "@/lib/translation/types";

export const snapshotSelect = {
  id: true,
  origin: true,
  url: true,
  finalUrl: true,
  title: true,
  author: true,
  siteName: true,
  publishedAt: true,
  fetchedAt: true,
  etag: true,
  lastModified: true,
  contentHash: true,
  segments: true,
} as const;

type SnapshotRow = {
  id: string;
  origin: "FETCHED" | "PASTED";
  url: string | null;
  finalUrl: string | null;
  title: string;
  author: string | null;
  siteName: string | null;
  publishedAt: Date | null;
  fetchedAt: Date;
  etag: string | null;
  lastModified: string | null;
  contentHash: string;
  segments: unknown;
};

export type SnapshotView = Omit<SnapshotRow, "segments"> & { segments: SourceSegment[] };

/** The stored JSON back as segments; anything malformed is dropped rather than trusted. */
function asSegments(json: unknown): SourceSegment[] {
  if (!Array.isArray(json)) return [];
  return json.flatMap((s): SourceSegment[] =>
    s && typeof s === "object" && typeof s.kind === "string" && typeof s.text === "string"
      ? [{ kind: s.kind as SegmentKind, text: s.text, ...(s.node ? { node: s.node } : {}) }]
      : [],
  );
}

export const toSnapshotView = (row: SnapshotRow): SnapshotView => ({
  ...row,
  segments: asSegments(row.segments),
});
