import { createHash } from "node:crypto";

/**
 * RFC 9562 name-based UUID (version 5, SHA-1). Export ids are derived from the article and the
 * indicator, so exporting the same article twice gives the same STIX and MISP ids and a
 * consumer updates its copy instead of filing a duplicate.
 */
export function uuidv5(name: string, namespace: string): string {
  const ns = Buffer.from(namespace.replaceAll("-", ""), "hex");
  if (ns.length !== 16) throw new TypeError("uuidv5: the namespace is not a UUID");
  const bytes = createHash("sha1").update(ns).update(name, "utf8").digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Byline's own namespace for export ids (a random v4 UUID, fixed forever: changing it renames every object). */
export const BYLINE_NAMESPACE = "3f0c6a52-9a1e-4b8e-8f51-6d2f2f7c4e1a";
