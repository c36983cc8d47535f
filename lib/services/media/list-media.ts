import "server-only";
import { z } from "zod";
import { assertCan, can, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { safeText } from "@/lib/validation";
import { toMediaDto, type MediaDto } from "./media-dto";

const MEDIA_PAGE_SIZE = 24;

const listMediaQuerySchema = z.strictObject({
  q: safeText(100).optional(),
  /** "1": only the actor's uploads (the default for those who could see everyone's) */
  mine: z.enum(["0", "1"]).optional(),
  page: z.coerce.number().int().min(1).max(10_000).optional(),
});
export type ListMediaInput = z.input<typeof listMediaQuerySchema>;

export type MediaPage = {
  items: MediaDto[];
  page: number;
  pageCount: number;
  total: number;
  /** whether the actor sees everyone's uploads (mine=0) */
  canSeeAll: boolean;
  mine: boolean;
};

/**
 * Everyone's uploads are for those who may edit any article (editors): a contributor's
 * uploads may belong to a draft nobody else may see yet.
 */
export const maySeeAllMedia = (actor: Actor) => can(actor, "article.editAny");

/** 媒体库: uploads, newest first, searchable by file name or alt text. */
export async function listMedia(actor: Actor | null, input: ListMediaInput): Promise<MediaPage> {
  assertCan(actor, "media.upload");
  const { q, mine: mineParam, page = 1 } = listMediaQuerySchema.parse(input);
  const canSeeAll = maySeeAllMedia(actor);
  const mine = !canSeeAll || mineParam !== "0";
  const where: Prisma.MediaWhereInput = {
    ...(mine ? { uploaderId: actor.id } : {}),
    ...(q
      ? {
          OR: [
            { filename: { contains: q, mode: "insensitive" } },
            { alt: { contains: q, mode: "insensitive" } },
          ],
        }
      : {}),
  };
  const [total, rows] = await Promise.all([
    db.media.count({ where }),
    db.media.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * MEDIA_PAGE_SIZE,
      take: MEDIA_PAGE_SIZE,
    }),
  ]);
  return {
    items: rows.map(toMediaDto),
    page,
    pageCount: Math.max(1, Math.ceil(total / MEDIA_PAGE_SIZE)),
    total,
    canSeeAll,
    mine,
  };
}
