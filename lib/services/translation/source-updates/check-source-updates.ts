import "server-only";
import { z } from "zod";
import { logger } from "@/lib/logger";
import { claimDueSources } from "./claim-due";
import { checkOneSource } from "./check-one-source";
import { defaultSourceDeps } from "./default-deps";
import { forEachPolitely } from "./per-host";
import type { ExtractSource, FetchSource, HashSegments } from "./source-deps";

const optionsSchema = z.strictObject({
  now: z.date().optional(),
  minIntervalMs: z
    .number()
    .int()
    .min(0)
    .default(6 * 3600_000),
  perHostDelayMs: z.number().int().min(0).default(3000),
  limit: z.number().int().min(1).max(1000).default(100),
});

export type CheckSourceUpdatesOptions = z.input<typeof optionsSchema> & {
  fetch?: FetchSource;
  extract?: ExtractSource;
  hash?: HashSegments;
  sleep?: (ms: number) => Promise<unknown>;
  /** shutdown: no further request is started; claimed sources left unchecked wait for minIntervalMs */
  signal?: AbortSignal;
};

export type CheckSourceUpdatesResult = {
  checked: number;
  /** ids of the articles flagged 原文已更新 by this run */
  changed: string[];
  /** 304, or the same text under a fresh response */
  notModified: number;
  failed: number;
};

/**
 * The source-update job's one run: re-fetches the sources of translations published in the
 * last 30 days that were not checked within minIntervalMs, politely, and flags the ones whose
 * extracted text changed. One article's failure is logged and counted, never ends the run.
 */
export async function checkSourceUpdates(
  opts: CheckSourceUpdatesOptions = {},
): Promise<CheckSourceUpdatesResult> {
  const { fetch, extract, hash, sleep, signal, ...rest } = opts;
  const { now = new Date(), minIntervalMs, perHostDelayMs, limit } = optionsSchema.parse(rest);
  const claimed = await claimDueSources({ now, minIntervalMs, limit });
  const result: CheckSourceUpdatesResult = { checked: 0, changed: [], notModified: 0, failed: 0 };
  if (!claimed.length) return result;
  const deps = await defaultSourceDeps({ fetch, extract, hash });
  await forEachPolitely(
    claimed,
    async (a) => {
      try {
        const outcome = await checkOneSource(a, deps, now);
        if (outcome === "changed") result.changed.push(a.id);
        else result.notModified++;
      } catch (e) {
        result.failed++;
        logger.warn({ err: e, articleId: a.id, url: a.sourceUrl }, "source update: checking a source failed");
      }
    },
    { perHostDelayMs, sleep, signal },
  );
  return { ...result, checked: result.changed.length + result.notModified + result.failed };
}
