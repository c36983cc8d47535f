"use server";

import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { toActionError, type ActionResult } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { createArticle } from "@/lib/services/articles/create-article";
import { publishArticle } from "@/lib/services/articles/publish-article";
import { listRevisions, type RevisionItem } from "@/lib/services/articles/list-revisions";
import { restoreRevision } from "@/lib/services/articles/restore-revision";
import { submitForReview } from "@/lib/services/articles/submit-for-review";
import type { TransitionResult } from "@/lib/services/articles/transition";
import { unpublishArticle } from "@/lib/services/articles/unpublish-article";
import { updateArticle, type SavedArticle } from "@/lib/services/articles/update-article";
import { newArticleInput } from "./new/new-article-input";

/*
 * Thin actions: each is a public POST endpoint, so each gets the actor itself and lets the
 * service validate (strict zod) and authorize. Public cache tags are invalidated by the services
 * (updateTag inside an action), so the scheduled-publish job shares the same path.
 */

async function run<T>(name: string, fn: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await fn() };
  } catch (e) {
    const error = toActionError(e);
    if (error.code === "INTERNAL") logger.error({ err: e, action: name }, "editor action failed");
    return { ok: false, error };
  }
}

export type NewArticleState = ActionResult<{ id: string }> | null;

/** 新建文章 (form): on success goes straight to the editor. */
export async function createArticleAction(_prev: NewArticleState, form: FormData): Promise<NewArticleState> {
  const result = await run("createArticle", async () => createArticle(await requireUser(), newArticleInput(form)));
  if (result.ok) redirect(`/editor/articles/${result.data.id}`);
  return result;
}

/** 保存 / 自动保存: the id, the version the editor started from, and the changed fields (JSON). */
export async function saveArticleAction(input: unknown): Promise<ActionResult<SavedArticle>> {
  return run("saveArticle", async () => updateArticle(await requireUser(), input));
}

export async function submitForReviewAction(input: unknown): Promise<ActionResult<TransitionResult>> {
  return run("submitForReview", async () => submitForReview(await requireUser(), input));
}

export async function publishArticleAction(input: unknown): Promise<ActionResult<TransitionResult>> {
  return run("publishArticle", async () => publishArticle(await requireUser(), input));
}

export async function unpublishArticleAction(input: unknown): Promise<ActionResult<TransitionResult>> {
  return run("unpublishArticle", async () => unpublishArticle(await requireUser(), input));
}

export async function restoreRevisionAction(input: unknown): Promise<ActionResult<SavedArticle>> {
  return run("restoreRevision", async () => restoreRevision(await requireUser(), input));
}

/** 历史版本 list, loaded when the panel is opened (a read, but per user and never cached). */
export async function listRevisionsAction(articleId: unknown): Promise<ActionResult<RevisionItem[]>> {
  return run("listRevisions", async () => listRevisions(await requireUser(), articleId));
}
