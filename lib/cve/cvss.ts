import * as calculator from "ae-cvss-calculator";

// The package is a webpack UMD bundle: Node's ESM loader (tsx: the seed, the import command) sees
// only its `default` export (module.exports); bundlers and vitest also expose the named ones.
const lib = (calculator as unknown as { default?: typeof calculator }).default ?? calculator;
const { Cvss3P0, Cvss3P1, Cvss4P0 } = lib;

type CvssVersion = "3.0" | "3.1" | "4.0";
export type Severity = "NONE" | "LOW" | "MEDIUM" | "HIGH" | "CRITICAL";
export type CvssScore = { version: CvssVersion; vector: string; score: number; severity: Severity };

/** Vectors longer than this are not CVSS (the longest 4.0 vector with every metric is ~300). */
const MAX_VECTOR = 200;

const classes = { "3.0": Cvss3P0, "3.1": Cvss3P1, "4.0": Cvss4P0 } as const;

/** Base metrics a vector must spell out (the library would default a missing 4.0 metric). */
const BASE_METRICS: Record<CvssVersion, string[]> = {
  "3.0": ["AV", "AC", "PR", "UI", "S", "C", "I", "A"],
  "3.1": ["AV", "AC", "PR", "UI", "S", "C", "I", "A"],
  "4.0": ["AV", "AC", "AT", "PR", "UI", "VC", "VI", "VA", "SC", "SI", "SA"],
};

/** The qualitative rating of a score (the same bands in CVSS 3.x and 4.0). */
export function severityOf(score: number): Severity {
  if (score === 0) return "NONE";
  if (score < 4) return "LOW";
  if (score < 7) return "MEDIUM";
  if (score < 9) return "HIGH";
  return "CRITICAL";
}

/**
 * Parses and scores a CVSS 3.0/3.1/4.0 vector with ae-cvss-calculator (no CVSS arithmetic here).
 * Null for anything else: another version, an unknown or missing base metric, a value the library
 * does not know. The score is the base score; the severity follows from it, never from the feed.
 */
export function scoreCvss(vector: string): CvssScore | null {
  if (vector.length > MAX_VECTOR) return null;
  const version = /^CVSS:(3\.0|3\.1|4\.0)\//.exec(vector)?.[1] as CvssVersion | undefined;
  if (!version) return null;
  const metrics = new Set(vector.split("/").map((p) => p.split(":")[0]));
  if (BASE_METRICS[version].some((m) => !metrics.has(m))) return null;
  try {
    const parsed = new classes[version](vector);
    // the library drops metrics it does not know and leaves missing ones unset: a vector it
    // would write differently is not the one we were given
    const scores = parsed.calculateScores();
    if (typeof scores.base !== "number" || !Number.isFinite(scores.base)) return null;
    if (normalise(parsed.toString()) !== normalise(vector)) return null;
    return { version, vector, score: scores.base, severity: severityOf(scores.base) };
  } catch {
    return null;
  }
}

const normalise = (v: string) =>
  v
    .split("/")
    .filter((p) => !p.endsWith(":X"))
    .join("/");
