"use server";

import { redirect } from "next/navigation";
import type { ActionResult } from "@/lib/errors";
import { secureAction, secureFormAction } from "@/lib/security/action";
import { createArticle } from "@/lib/services/articles/create-article";
import { publishArticle, publishArticleSchema } from "@/lib/services/articles/publish-article";
import { listRevisions } from "@/lib/services/articles/list-revisions";
import { restoreRevision, restoreRevisionSchema } from "@/lib/services/articles/restore-revision";
import { articleIdSchema } from "@/lib/services/articles/schemas";
import { submitForReview, submitForReviewSchema } from "@/lib/services/articles/submit-for-review";
import { unpublishArticle, unpublishArticleSchema } from "@/lib/services/articles/unpublish-article";
import {
  updateArticle,
  updateArticleSchema,
  type SavedArticle,
} from "@/lib/services/articles/update-article";
import { newArticleFormSchema, newArticleInput } from "./new/new-article-input";

/*
 * Thin actions: lib/security/action.ts checks origin, session, coarse permission and the strict
 * input schema; the service re-validates and makes the object-level authorization decision.
 * Public cache tags are invalidated by the services (updateTag inside an action), so the
 * scheduled-publish job shares the same path.
 */

export type NewArticleState = ActionResult<{ id: string }> | null;

/** 新建文章 (form): on success goes straight to the editor. */
export const createArticleAction = secureFormAction(
  { name: "article.create", input: newArticleFormSchema, auth: "user", permission: "article.create" },
  async (form, { actor }) => {
    const { id } = await createArticle(actor, newArticleInput(newArticleFormSchema.parse(form)));
    redirect(`/editor/articles/${id}`);
  },
);

/** 保存 / 自动保存: the id, the version the editor started from, and the changed fields. */
export const saveArticleAction = secureAction(
  { name: "article.save", input: updateArticleSchema, auth: "user", permission: "article.editOwn" },
  (input, { actor }): Promise<SavedArticle> => updateArticle(actor, input),
);

export const submitForReviewAction = secureAction(
  {
    name: "article.submitForReview",
    input: submitForReviewSchema,
    auth: "user",
    permission: "article.submitForReview",
  },
  (input, { actor }) => submitForReview(actor, input),
);

export const publishArticleAction = secureAction(
  { name: "article.publish", input: publishArticleSchema, auth: "user", permission: "article.publish" },
  (input, { actor }) => publishArticle(actor, input),
);

export const unpublishArticleAction = secureAction(
  { name: "article.unpublish", input: unpublishArticleSchema, auth: "user", permission: "article.unpublish" },
  (input, { actor }) => unpublishArticle(actor, input),
);

export const restoreRevisionAction = secureAction(
  {
    name: "article.restoreRevision",
    input: restoreRevisionSchema,
    auth: "user",
    permission: "article.editOwn",
  },
  (input, { actor }) => restoreRevision(actor, input),
);

/** 历史版本 list, loaded when the panel is opened (a read, but per user and never cached). */
export const listRevisionsAction = secureAction(
  { name: "article.listRevisions", input: articleIdSchema, auth: "user", permission: "article.viewDraft" },
  (articleId, { actor }) => listRevisions(actor, articleId),
);
