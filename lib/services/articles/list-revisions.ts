import "server-only";
import type { Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import type { ArticleStatus, RevisionKind } from "@/lib/generated/prisma/enums";
import { loadVisibleArticle } from "./access";
import { articleIdSchema } from "./schemas";

export type RevisionItem = {
  id: string;
  version: number;
  title: string;
  editorName: string;
  createdAt: Date;
  /** 手动保存 / 自动保存 / 状态变更 / 恢复 / 更新上线 */
  kind: RevisionKind;
  /** the article's status when the snapshot was taken (older rows: unknown) */
  status: ArticleStatus | null;
};

const MAX_LISTED = 50;

/** 历史版本: the newest snapshots of an article the actor may see (NOT_FOUND otherwise). */
export async function listRevisions(actor: Actor | null, articleId: unknown): Promise<RevisionItem[]> {
  const head = await loadVisibleArticle(actor, articleIdSchema.parse(articleId));
  const rows = await db.articleRevision.findMany({
    where: { articleId: head.id },
    orderBy: { version: "desc" },
    take: MAX_LISTED,
    select: {
      id: true,
      version: true,
      title: true,
      createdAt: true,
      kind: true,
      status: true,
      editor: { select: { profile: { select: { displayName: true } } } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    version: r.version,
    title: r.title,
    createdAt: r.createdAt,
    kind: r.kind,
    status: r.status,
    editorName: r.editor.profile?.displayName ?? "未知用户",
  }));
}
