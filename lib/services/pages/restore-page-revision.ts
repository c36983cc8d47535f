import "server-only";
import { assertCan, type Actor } from "@/lib/authz";
import { audit } from "@/lib/audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { normalizeTiptapDoc } from "../articles/body-schema";
import { renderPageBody, storedPageDoc } from "./page-doc";
import { restorePageRevisionSchema } from "./schemas";
import { invalidatePage, keepHistory, lockPage } from "./shared";
import type { SavedPage } from "./save-page";

/**
 * 恢复此版本: the revision's title and body become the page again, as a new version with a new
 * revision (history only grows). The body is rendered again through today's pipeline, never copied
 * from the revision's stored HTML, so an old or imported revision gets the current sanitising.
 */
export async function restorePageRevision(actor: Actor | null, input: unknown): Promise<SavedPage> {
  assertCan(actor, "page.manage");
  const { slug, revisionId, version } = restorePageRevisionSchema.parse(input);
  const rev = await db.pageRevision.findFirst({
    where: { id: revisionId, page: { slug } },
    select: { title: true, body: true },
  });
  if (!rev) throw new AppError("NOT_FOUND", "没有找到这个历史版本，请刷新页面。");
  const doc = normalizeTiptapDoc(storedPageDoc(rev.body));
  if ("error" in doc) throw new AppError("INVALID", `这个版本无法恢复：${doc.error}`);
  const rendered = renderPageBody(doc.doc);
  const saved = await db.$transaction(async (tx) => {
    const page = await lockPage(tx, slug, version);
    await keepHistory(tx, page);
    const next = await tx.page.update({
      where: { id: page.id },
      data: { title: rev.title, ...rendered, version: { increment: 1 } },
      select: { version: true, updatedAt: true },
    });
    await tx.pageRevision.create({
      data: { pageId: page.id, title: rev.title, ...rendered, editorId: actor.id },
    });
    await audit(tx, {
      actorId: actor.id,
      action: "page.restore",
      targetType: "page",
      targetId: slug,
      meta: { revisionId, version: next.version },
    });
    return { ...next, changed: true };
  });
  invalidatePage(slug);
  return saved;
}
