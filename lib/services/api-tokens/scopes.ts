import { z } from "zod";

/**
 * What an Admin API token may do. A scope opens a group of routes; inside them the services still
 * decide with lib/authz.ts as the token's integration user (an EDITOR), so a scope can only ever
 * narrow what an editor may do, never widen it.
 */
export const TOKEN_SCOPES = [
  "articles:read",
  "articles:write",
  "articles:publish",
  "comments:moderate",
  "media:write",
] as const;

export type TokenScope = (typeof TOKEN_SCOPES)[number];

export const SCOPE_LABELS: Record<TokenScope, string> = {
  "articles:read": "读取文章（含草稿）",
  "articles:write": "新建和修改文章",
  "articles:publish": "发布、定时发布和撤回文章",
  "comments:moderate": "审核评论",
  "media:write": "上传图片",
};

export const scopeSchema = z.enum(TOKEN_SCOPES, { error: "未知的权限范围。" });
