import "server-only";
import { tags } from "@/lib/cache-tags";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { invalidatePublic } from "../articles/side-effects";
import type { PageSlug } from "./schemas";

type Tx = Prisma.TransactionClient;

export type LockedPage = {
  id: number;
  title: string;
  body: string;
  bodyHtml: string;
  version: number;
  updatedAt: Date;
};

const STALE_PAGE_MESSAGE =
  "这个页面已被修改（可能是你在另一个窗口或另一位管理员保存过）。你的修改仍在编辑器里，没有保存：请先复制你的修改，刷新页面查看最新版本后再合并保存。";
const MISSING_PAGE_MESSAGE = "这个页面还没有创建，请回到页面管理创建它。";

/**
 * Takes the page's row lock, then compares the version the editor started from: two saves from the
 * same version queue on the lock, and the second sees the first one's version and is refused.
 */
export async function lockPage(tx: Tx, slug: PageSlug, version: number): Promise<LockedPage> {
  const rows = await tx.$queryRaw<LockedPage[]>`
    SELECT id, title, body, "bodyHtml", version, "updatedAt" FROM pages WHERE slug = ${slug} FOR UPDATE`;
  const page = rows[0];
  if (!page) throw new AppError("NOT_FOUND", MISSING_PAGE_MESSAGE);
  if (page.version !== version) throw new AppError("CONFLICT", STALE_PAGE_MESSAGE);
  return page;
}

/**
 * A page seeded after the migration that backfilled revisions has none: its current text is kept
 * as a revision (no editor, dated when it was written) before it is first replaced, so the
 * original can always be restored.
 */
export async function keepHistory(tx: Tx, page: LockedPage) {
  if (await tx.pageRevision.count({ where: { pageId: page.id } })) return;
  await tx.pageRevision.create({
    data: {
      pageId: page.id,
      title: page.title,
      body: page.body,
      bodyHtml: page.bodyHtml,
      createdAt: page.updatedAt,
    },
  });
}

/** The page itself and the footer's titles (also /contribute, which shows the 我要投稿 page). */
export function invalidatePage(slug: PageSlug) {
  invalidatePublic([tags.page(slug), tags.pages()]);
}
