import crypto from "node:crypto";
import type { SourceSegment } from "@/lib/translation/types";

/**
 * sha256 (hex) of what a translator would see change: each segment's kind and text, and for an
 * image (which has no text) its address and caption. Equal hashes mean the source did not change,
 * so the source-update job compares hashes, not HTML (ads and markup churn do not count).
 * Length-prefixed fields, so no two different segment lists can serialise alike.
 */
export function hashSegments(segments: readonly SourceSegment[]): string {
  const h = crypto.createHash("sha256");
  const field = (s: string) => h.update(`${s.length}:${s}`);
  field("byline-source-v1");
  for (const s of segments) {
    field(s.kind);
    field(s.text);
    if (s.kind === "IMAGE") {
      field(String(s.node?.attrs?.src ?? ""));
      field(String(s.node?.attrs?.caption ?? ""));
    }
  }
  return h.digest("hex");
}
