import type { z } from "zod";
import { moderateCommentsSchema } from "@/lib/services/moderation/moderate-comments";
import type { TokenScope } from "@/lib/services/api-tokens/scopes";
import {
  adminArticleListQuery,
  adminArticleListSchema,
  adminArticleSchema,
  adminCommentListQuery,
  adminCommentListSchema,
  adminCreateArticleBody,
  adminMediaSchema,
  adminModerationResultSchema,
  adminPublishBody,
  adminUnpublishBody,
  adminUpdateArticleBody,
  adminWriteResultSchema,
} from "./admin-schemas";

export type AdminApiRoute = {
  method: "get" | "post" | "patch";
  path: string;
  summary: string;
  scope: TokenScope;
  query?: z.ZodObject;
  body?: z.ZodType;
  multipart?: boolean;
  response: z.ZodType;
  status?: "200" | "201";
  /** versioned writes: a stale version is a 409 with currentVersion */
  conflict?: boolean;
};

/** Every Admin API route (issue 17); the contract test calls each and checks it is documented. */
export const ADMIN_API_ROUTES: AdminApiRoute[] = [
  {
    method: "get",
    path: "/api/v1/admin/articles",
    summary: "Every article, drafts included, 20 a page, most recently changed first",
    scope: "articles:read",
    query: adminArticleListQuery,
    response: adminArticleListSchema,
  },
  {
    method: "post",
    path: "/api/v1/admin/articles",
    summary: "Create a draft (owned by the token's integration user)",
    scope: "articles:write",
    body: adminCreateArticleBody,
    response: adminWriteResultSchema,
    status: "201",
  },
  {
    method: "get",
    path: "/api/v1/admin/articles/{publicId}",
    summary: "One article as the editor opens it (a live article's pending edit laid over it)",
    scope: "articles:read",
    response: adminArticleSchema,
  },
  {
    method: "patch",
    path: "/api/v1/admin/articles/{publicId}",
    summary: "Save changes (version required); a live article's change waits as its pending edit",
    scope: "articles:write",
    body: adminUpdateArticleBody,
    response: adminWriteResultSchema,
    conflict: true,
  },
  {
    method: "post",
    path: "/api/v1/admin/articles/{publicId}/publish",
    summary: "Publish now or at scheduledAt; on a live article, apply its pending edit",
    scope: "articles:publish",
    body: adminPublishBody,
    response: adminWriteResultSchema,
    conflict: true,
  },
  {
    method: "post",
    path: "/api/v1/admin/articles/{publicId}/unpublish",
    summary: "Take an article back to draft (default) or archive it",
    scope: "articles:publish",
    body: adminUnpublishBody,
    response: adminWriteResultSchema,
    conflict: true,
  },
  {
    method: "get",
    path: "/api/v1/admin/comments",
    summary: "The moderation queue (PENDING by default), 25 a page",
    scope: "comments:moderate",
    query: adminCommentListQuery,
    response: adminCommentListSchema,
  },
  {
    method: "post",
    path: "/api/v1/admin/comments/moderate",
    summary: "Approve, reject, mark as spam or delete up to 100 comments",
    scope: "comments:moderate",
    body: moderateCommentsSchema,
    response: adminModerationResultSchema,
  },
  {
    method: "post",
    path: "/api/v1/admin/media",
    summary: "Upload an image (multipart: file, alt, decorative)",
    scope: "media:write",
    multipart: true,
    response: adminMediaSchema,
    status: "201",
  },
];
