import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import { assertCan, type Actor } from "@/lib/authz";
import { audit } from "@/lib/audit";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { MEDIA_TYPES, mediaStorage, stagingPath } from "@/lib/media/storage";
import { logger } from "@/lib/logger";
import { openArchive } from "@/lib/transfer/entries";
import { inspectArchive, type StagedMedia } from "@/lib/transfer/inspect-archive";
import { ArchiveRefusal } from "@/lib/transfer/refusal";
import { insertTables } from "./insert-tables";
import { invalidateEverything } from "./invalidate-everything";

export type ImportMode = "empty" | "merge";
export type ImportSummary = { mode: ImportMode; inserted: Record<string, number>; mediaFiles: number };

/** Long enough for a large site in one transaction; statements stay small (200-row batches). */
const IMPORT_TX = { maxWait: 10_000, timeout: 10 * 60_000 };

/** What makes a site "not empty": a freshly migrated install has none of these. */
async function existingContent() {
  const [articles, categories, tags, pages] = await Promise.all([
    db.article.count(),
    db.category.count(),
    db.tag.count(),
    db.page.count(),
  ]);
  return articles + categories + tags + pages === 0 ? null : { articles, categories, tags, pages };
}

const EXT_MIME = new Map(Object.entries(MEDIA_TYPES).map(([mime, ext]) => [ext, mime]));

async function placeMedia(media: StagedMedia[]) {
  const store = mediaStorage();
  for (const m of media)
    await store.put(m.key, { file: m.file }, EXT_MIME.get(m.key.split(".").pop()!) ?? "");
}

/**
 * 导入站点 (docs/transfer.md). The archive file is read completely and checked before anything is
 * written (lib/transfer/inspect-archive.ts); then one transaction inserts every table, and only
 * after it commits are the staged media files moved into the store. A site with content is
 * refused unless `mode` is "merge" (keep existing rows, add the missing ones).
 */
export async function importSite(
  actor: Actor | null,
  file: string,
  mode: ImportMode,
): Promise<ImportSummary> {
  assertCan(actor, "site.import");
  return importArchive(actor.id, file, mode);
}

/** The import itself, for importSite and the operator's `npm run site:import` (actorId null). */
export async function importArchive(
  actorId: string | null,
  file: string,
  mode: ImportMode,
): Promise<ImportSummary> {
  if (mode === "empty") {
    const found = await existingContent();
    if (found)
      throw new AppError(
        "CONFLICT",
        `本站已有内容（文章 ${found.articles}、分类 ${found.categories}、标签 ${found.tags}、页面 ${found.pages}），导入只用于空站点。如确需合并，请选择「合并」并确认：已有的记录保持不变，只添加缺少的记录。`,
      );
  }
  const stagingDir = await fs.mkdtemp(path.join(path.dirname(await stagingPath()), "import-"));
  try {
    const inspection = await inspectArchive(file, stagingDir);
    const archive = await openArchive(file);
    let inserted: Record<string, number>;
    try {
      inserted = await db.$transaction(async (tx) => {
        const counts = await insertTables(tx as never, archive, { replaceSettings: mode === "empty" });
        await audit(tx, {
          actorId,
          action: "site.import",
          targetType: "site",
          meta: {
            mode,
            archiveCreatedAt: inspection.manifest.createdAt,
            inserted: counts,
          } as Prisma.InputJsonValue,
        });
        return counts;
      }, IMPORT_TX);
    } finally {
      archive.zip.close();
    }
    await placeMedia(inspection.media);
    await invalidateEverything();
    return { mode, inserted, mediaFiles: inspection.media.length };
  } catch (e) {
    if (e instanceof ArchiveRefusal) throw new AppError("INVALID", e.message);
    if (e instanceof AppError) throw e;
    // a foreign key or unique value the rows could not satisfy: nothing was committed
    if ((e as { code?: string })?.code?.startsWith?.("P2")) {
      logger.warn({ err: e }, "site import: rows refused by the database");
      throw new AppError(
        "INVALID",
        "归档中的数据与本站已有数据冲突或引用不一致（例如同名的分类、标签或账号编号不同），导入已取消，本站数据未改动。",
      );
    }
    throw e;
  } finally {
    await fs.rm(stagingDir, { recursive: true, force: true });
  }
}
