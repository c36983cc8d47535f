/**
 * CVE identifiers: the one place their shape is spelled. Canonical form is upper case ASCII,
 * "CVE-" year "-" sequence, the sequence four digits (leading zeros allowed: CVE-2014-0160) or
 * five to seven without a leading zero (the CVE numbering rules since 2014).
 */

/** The earliest CVE year (the list started in 1999). */
const FIRST_CVE_YEAR = 1999;

/** Bounds the year: ids dated past next year are typos, not CVEs. */
const latestCveYear = (now: Date = new Date()) => now.getUTCFullYear() + 1;

const CANONICAL = /^CVE-(\d{4})-(\d{4}|[1-9]\d{4,6})$/;

/**
 * Full-width ASCII (U+FF01–U+FF5E: ＣＶＥ－２０２４) to ASCII, one UTF-16 unit for one, so every
 * offset in the result is the offset in the input: render.ts links ids found in the normalised
 * text at the same positions of the original.
 */
export function toHalfWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/**
 * Whether `id` is a CVE id in canonical form with a plausible year. `now` dates the year bound;
 * `null` leaves the bound out, for a render Next.js may prerender (reading the clock there fails
 * the render) whose request proxy.ts has already checked with the clock.
 */
export function isCanonicalCveId(id: string, now?: Date | null): boolean {
  const m = CANONICAL.exec(id);
  if (!m) return false;
  const year = Number(m[1]);
  return year >= FIRST_CVE_YEAR && (now === null || year <= latestCveYear(now));
}

/**
 * Any spelling a reader or an editor may use (lower case, full-width, surrounding spaces) to the
 * canonical id, or null when it is not a CVE id at all.
 */
export function normaliseCveId(input: string, now?: Date | null): string | null {
  if (input.length > 40) return null;
  const id = toHalfWidth(input.trim()).toUpperCase();
  return isCanonicalCveId(id, now) ? id : null;
}
