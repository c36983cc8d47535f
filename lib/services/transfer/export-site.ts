import "server-only";
import { assertCan, type Actor } from "@/lib/authz";
import { audit } from "@/lib/audit";
import { db } from "@/lib/db";
import { parseVariants } from "@/lib/media/variants";
import { mediaStorage } from "@/lib/media/storage";
import { siteUrl } from "@/lib/site-url";
import { TABLES } from "@/lib/transfer/tables";
import { writeArchive } from "@/lib/transfer/write-archive";
import { tableRows } from "./table-rows";

/** Storage keys of every media row and its renditions that the store still holds. */
async function mediaKeys(): Promise<string[]> {
  const store = mediaStorage();
  const keys = new Set<string>();
  let cursor: string | undefined;
  for (;;) {
    const page = await db.media.findMany({
      select: { id: true, storageKey: true, variants: true },
      orderBy: { id: "asc" },
      take: 500,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    for (const m of page) {
      keys.add(m.storageKey);
      for (const v of parseVariants(m.variants)) keys.add(v.storageKey);
    }
    if (page.length < 500) break;
    cursor = page[page.length - 1]!.id;
  }
  const held: string[] = [];
  for (const key of [...keys].sort()) if (await store.head(key)) held.push(key);
  return held;
}

const exportFileName = (at: Date) => `byline-site-${at.toISOString().slice(0, 19).replace(/[:T]/g, "-")}.zip`;

/**
 * 导出站点: the content of the site as one zip stream (lib/transfer/write-archive.ts), read table
 * page by table page and file by file as the client downloads it. Audited when it starts.
 */
export async function exportSite(
  actor: Actor | null,
): Promise<{ stream: NodeJS.ReadableStream; fileName: string }> {
  assertCan(actor, "site.export");
  return exportArchive(actor.id);
}

/** The export itself, for exportSite and the operator's `npm run site:export` (actorId null). */
export async function exportArchive(actorId: string | null) {
  const createdAt = new Date();
  const store = mediaStorage();
  const stream = await writeArchive(
    {
      rows: (table) => tableRows(db, table),
      mediaKeys,
      media: (key) => store.stream(key),
    },
    TABLES,
    { siteUrl: siteUrl(), createdAt },
  );
  await audit(db, { actorId, action: "site.export", targetType: "site" });
  return { stream, fileName: exportFileName(createdAt) };
}
