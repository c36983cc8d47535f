import "server-only";
import { z } from "zod";
import { assertCan, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { safeText } from "@/lib/validation";
import { toMediaDto, type MediaDto } from "./media-dto";
import { maySeeAllMedia } from "./list-media";

const ALT_REQUIRED_MESSAGE = "请填写替代文本（描述图片内容），或勾选“装饰性图片”。";

export const updateMediaAltSchema = z
  .strictObject({
    id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "图片编号无效。"),
    alt: safeText(200),
    decorative: z.boolean(),
  })
  .refine((v) => v.decorative || v.alt !== "", { message: ALT_REQUIRED_MESSAGE, path: ["alt"] });
export type UpdateMediaAltInput = z.input<typeof updateMediaAltSchema>;

/**
 * The default alt text of an upload (what the picker fills in), or its decorative mark. The
 * uploader's own, or anyone's for editors; someone else's upload is NOT_FOUND to the rest.
 */
export async function updateMediaAlt(actor: Actor | null, input: UpdateMediaAltInput): Promise<MediaDto> {
  assertCan(actor, "media.upload");
  const { id, alt, decorative } = updateMediaAltSchema.parse(input);
  const media = await db.media.findUnique({ where: { id }, select: { uploaderId: true } });
  if (!media || (media.uploaderId !== actor.id && !maySeeAllMedia(actor))) throw new AppError("NOT_FOUND");
  const row = await db.media.update({
    where: { id },
    data: { alt: decorative ? null : alt, decorative },
  });
  return toMediaDto(row);
}
