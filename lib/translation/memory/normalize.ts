import crypto from "node:crypto";

/**
 * The form translation memory compares sources in: NFKC (full-width letters and digits, ligatures
 * and no-break spaces become their plain forms), lower-case, runs of whitespace as one space,
 * trimmed. Stored rows and lookups both go through this one function, so an "exact" match means
 * the same thing on both sides; it is also what a glossary term's uniqueness is decided on.
 */
export function normalizeSource(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
}

/**
 * Identity of a stored pair: the same source (as normalised) with the same translation is one row,
 * re-published translations only refresh it. NUL cannot occur in either part (PostgreSQL text),
 * so it separates them without ambiguity.
 */
export function pairHash(sourceNorm: string, target: string): string {
  return crypto.createHash("sha256").update(`${sourceNorm}\u0000${target}`).digest("hex");
}
