"use server";

import { secureAction } from "@/lib/security/action";
import { articleIdSchema } from "@/lib/services/articles/schemas";
import {
  applyPendingEdit,
  applyPendingEditSchema,
  pendingEditActionSchema,
} from "@/lib/services/articles/pending/apply-pending-edit";
import { fileCorrection } from "@/lib/services/corrections/file-correction";
import { fileCorrectionSchema } from "@/lib/services/corrections/schemas";
import { discardPendingEdit } from "@/lib/services/articles/pending/discard-pending-edit";
import { getArticleWithPending } from "@/lib/services/articles/pending/get-pending-edit";
import { getRevisionDiff, revisionDiffSchema } from "@/lib/services/articles/revisions/get-revision-diff";
import { resolveConflict, resolveConflictSchema } from "@/lib/services/articles/revisions/resolve-conflict";
import { heartbeat, presenceSchema } from "@/lib/services/presence/heartbeat";

/*
 * The editor page's saving endpoints besides 保存 itself (../actions.ts): conflict resolution,
 * the server's current copy for the conflict dialog, pending edits of live articles, revision
 * diffs and presence. Thin: lib/security/action.ts checks origin, session, coarse permission and
 * the strict schema; each service decides on the object.
 */

/** 保留我的 / 采用对方的, after a save came back CONFLICT. */
export const resolveConflictAction = secureAction(
  {
    name: "article.resolveConflict",
    input: resolveConflictSchema,
    auth: "user",
    permission: "article.editOwn",
  },
  (input, { actor }) => resolveConflict(actor, input),
);

/** The article as the server has it now (pending edit included): the "theirs" of the conflict dialog. */
export const loadServerCopyAction = secureAction(
  { name: "article.loadServerCopy", input: articleIdSchema, auth: "user", permission: "article.viewDraft" },
  (id, { actor }) => getArticleWithPending(actor, id),
);

/** 更新: a live article's pending edit goes live (with a public correction note when one is given). */
export const applyPendingEditAction = secureAction(
  {
    name: "article.applyPendingEdit",
    input: applyPendingEditSchema,
    auth: "user",
    permission: "article.publish",
  },
  (input, { actor }) => applyPendingEdit(actor, input),
);

/** 记录更正: a public correction-log entry on a live article, without a text change. */
export const fileCorrectionAction = secureAction(
  { name: "article.correction", input: fileCorrectionSchema, auth: "user", permission: "article.publish" },
  (input, { actor }) => fileCorrection(actor, input),
);

/** 放弃修改: back to what readers see (the pending text stays in the history). */
export const discardPendingEditAction = secureAction(
  {
    name: "article.discardPendingEdit",
    input: pendingEditActionSchema,
    auth: "user",
    permission: "article.editOwn",
  },
  (input, { actor }) => discardPendingEdit(actor, input),
);

/** 比较: two revisions, or one and the current content. */
export const revisionDiffAction = secureAction(
  { name: "article.revisionDiff", input: revisionDiffSchema, auth: "user", permission: "article.viewDraft" },
  (input, { actor }) => getRevisionDiff(actor, input),
);

/** Presence heartbeat (every 10 s while the editor is open and visible); answers who else is here. */
export const presenceAction = secureAction(
  { name: "article.presence", input: presenceSchema, auth: "user", permission: "article.viewDraft" },
  (input, { actor }) => heartbeat(actor, input),
);
