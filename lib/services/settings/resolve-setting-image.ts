import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import type { SettingImage } from "./keys";

const FIELD_LABELS = { logoMediaId: "网站 Logo", faviconMediaId: "网站图标", tipQrMediaId: "赞赏二维码" };

/**
 * The image an upload field chose: undefined keeps the current one, "" removes it, an id is looked
 * up in the media library (inside the caller's transaction). An id with no Media row, or a row
 * without known dimensions, is refused with a 400 naming the field: nothing is written.
 */
export async function resolveSettingImage(
  tx: Prisma.TransactionClient,
  field: keyof typeof FIELD_LABELS,
  mediaId: string | undefined,
  current: SettingImage | null,
): Promise<SettingImage | null> {
  if (mediaId === undefined) return current;
  if (mediaId === "") return null;
  if (current?.id === mediaId) return current;
  const m = await tx.media.findUnique({
    where: { id: mediaId },
    select: { id: true, storageKey: true, width: true, height: true, mime: true },
  });
  if (!m || !m.width || !m.height) {
    const message = `${FIELD_LABELS[field]}：所选图片不存在或已被删除，请重新上传。`;
    throw new AppError("INVALID", message, { fieldErrors: { [field]: [message] } });
  }
  return { id: m.id, url: `/media/${m.storageKey}`, width: m.width, height: m.height, mime: m.mime };
}
