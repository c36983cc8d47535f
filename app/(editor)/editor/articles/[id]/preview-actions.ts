"use server";

import { secureAction } from "@/lib/security/action";
import { articleIdSchema } from "@/lib/services/articles/schemas";
import { createPreviewLink, createPreviewLinkSchema } from "@/lib/services/preview/create-preview-link";
import { listPreviewLinks } from "@/lib/services/preview/list-preview-links";
import { revokePreviewLink, revokePreviewLinkSchema } from "@/lib/services/preview/revoke-preview-link";

/* 预览链接 (preview-panel.tsx): whoever may see the draft; the services decide per article. */

export const createPreviewLinkAction = secureAction(
  { name: "preview.create", input: createPreviewLinkSchema, auth: "user", permission: "article.viewDraft" },
  (input, { actor }) => createPreviewLink(actor, input),
);

export const listPreviewLinksAction = secureAction(
  { name: "preview.list", input: articleIdSchema, auth: "user", permission: "article.viewDraft" },
  (articleId, { actor }) => listPreviewLinks(actor, articleId),
);

export const revokePreviewLinkAction = secureAction(
  { name: "preview.revoke", input: revokePreviewLinkSchema, auth: "user", permission: "article.viewDraft" },
  (input, { actor }) => revokePreviewLink(actor, input),
);
