import { AppError } from "@/lib/errors";
import { parseQuery } from "@/lib/api/query";
import { toAuthor } from "@/lib/api/present";
import { contentRoute, preflight } from "@/lib/api/respond";
import { emptyQuerySchema, type AuthorDetailJson } from "@/lib/api/schemas";
import { PUBLIC_ID_PATTERN } from "@/lib/public-id";
import { getMember } from "@/lib/services/public/get-member";

/**
 * GET /api/v1/authors/{publicId}: a member's public profile (the member page's DTO). Only members
 * with a published article (as author or translator) are authors: a reader's profile is a 404
 * here, so the API cannot be used to list reader accounts.
 */
export const GET = contentRoute(async (req, params): Promise<AuthorDetailJson> => {
  parseQuery(new URL(req.url), emptyQuerySchema);
  const publicId = params.publicId;
  if (typeof publicId !== "string" || !PUBLIC_ID_PATTERN.test(publicId)) throw new AppError("NOT_FOUND");
  const member = await getMember(publicId);
  if (!member || member.articleCount === 0) throw new AppError("NOT_FOUND");
  return { data: toAuthor(member) };
});

export const OPTIONS = preflight;
