"use server";

import { secureAction } from "@/lib/security/action";
import { archiveArticle, archiveArticleSchema } from "@/lib/services/articles/archive-article";
import { deleteArticle, deleteArticleSchema } from "@/lib/services/articles/delete-article";
import {
  restoreDeletedArticle,
  restoreDeletedArticleSchema,
} from "@/lib/services/articles/restore-deleted-article";

/*
 * The 全部文章 list's row actions. 下线 reuses unpublishArticleAction (./actions.ts): one endpoint
 * per change. The coarse permission here only lets a role try; the services decide per article
 * (own drafts only for authors, anything for admins, the 回收站 for admins).
 */

export const archiveArticleAction = secureAction(
  { name: "article.archive", input: archiveArticleSchema, auth: "user", permission: "article.unpublish" },
  (input, { actor }) => archiveArticle(actor, input),
);

export const deleteArticleAction = secureAction(
  { name: "article.delete", input: deleteArticleSchema, auth: "user", permission: "article.delete" },
  (input, { actor }) => deleteArticle(actor, input),
);

export const restoreDeletedArticleAction = secureAction(
  {
    name: "article.restore",
    input: restoreDeletedArticleSchema,
    auth: "user",
    permission: "article.delete",
  },
  (input, { actor }) => restoreDeletedArticle(actor, input),
);
