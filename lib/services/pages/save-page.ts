import "server-only";
import { assertCan, type Actor } from "@/lib/authz";
import { audit } from "@/lib/audit";
import { db } from "@/lib/db";
import { renderPageBody } from "./page-doc";
import { savePageSchema } from "./schemas";
import { invalidatePage, keepHistory, lockPage } from "./shared";

export type SavedPage = { version: number; updatedAt: Date; changed: boolean };

/**
 * 保存页面: title and body (rendered and sanitised like an article body) under the page's row lock
 * at the version the editor started from (else CONFLICT, nothing written), version + 1, a
 * PageRevision and the audit row in the same transaction; then the page and footer tags are
 * invalidated. A save that changes nothing writes nothing.
 */
export async function savePage(actor: Actor | null, input: unknown): Promise<SavedPage> {
  assertCan(actor, "page.manage");
  const { slug, version, title, body } = savePageSchema.parse(input);
  const rendered = renderPageBody(body);
  const saved = await db.$transaction(async (tx) => {
    const page = await lockPage(tx, slug, version);
    if (page.title === title && page.body === rendered.body)
      return { version: page.version, updatedAt: page.updatedAt, changed: false };
    await keepHistory(tx, page);
    const next = await tx.page.update({
      where: { id: page.id },
      data: { title, ...rendered, version: { increment: 1 } },
      select: { version: true, updatedAt: true },
    });
    await tx.pageRevision.create({ data: { pageId: page.id, title, ...rendered, editorId: actor.id } });
    await audit(tx, {
      actorId: actor.id,
      action: "page.update",
      targetType: "page",
      targetId: slug,
      meta: { version: next.version, ...(page.title !== title ? { from: page.title, to: title } : {}) },
    });
    return { ...next, changed: true };
  });
  if (saved.changed) invalidatePage(slug);
  return saved;
}
