import path from "node:path";
import type { JSONContent } from "@tiptap/core";
import type { Db } from "@/lib/db/client";
import { rewriteArticleCves } from "@/lib/services/cve/article-cves";
import { importFeeds } from "@/lib/services/cve/import-feeds";

/** The fixture feeds written for Byline (NVD 2.0 shape, KEV shape): the demo's CVE pages. */
export const CVE_FIXTURES = {
  nvd: [path.join(import.meta.dirname, "../data/cve/nvd-fixture.json")],
  kev: path.join(import.meta.dirname, "../data/cve/kev-fixture.json"),
};

/**
 * Imports the fixture feeds (an upsert: running it again changes nothing) and records which CVEs
 * each article mentions, as a save would (the articles step writes bodies without the save path).
 */
export async function seedCves(db: Db) {
  const result = await importFeeds(db, CVE_FIXTURES);
  const articles = await db.article.findMany({ select: { id: true, bodyJson: true } });
  let mentions = 0;
  for (const a of articles) {
    const { after } = await db.$transaction((tx) => rewriteArticleCves(tx, a.id, a.bodyJson as JSONContent));
    mentions += after.length;
  }
  return {
    imported: result.nvd.reduce((n, f) => n + f.imported, 0),
    kev: result.kev?.imported ?? 0,
    mentions,
  };
}
