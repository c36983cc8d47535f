import "server-only";
import fs from "node:fs/promises";
import { assertCan, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { encodeOriginal, encodeRenditions, MAX_PIXELS, probe, type Encoded } from "@/lib/media/renditions";
import { sniffImageFile } from "@/lib/media/sniff-image";
import { saveImage } from "@/lib/media/save-media";
import { StorageFullError } from "@/lib/media/storage";
import { safeText } from "@/lib/validation";
import { toMediaDto, type MediaDto } from "./media-dto";

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

export const UPLOAD_MESSAGES = {
  empty: "文件是空的（0 字节），请重新选择图片。",
  tooLarge: "图片不能超过 10 MB，请压缩后再上传。",
  type: "不支持的文件类型：只能上传 JPEG、PNG、GIF 或 WebP 图片（SVG 等其他格式不支持）。",
  pixels: (w: number, h: number, frames: number) =>
    `图片像素过多（${w}×${h}${frames > 1 ? `，${frames} 帧` : ""}），上限为 4000 万像素，请缩小尺寸后再上传。`,
  broken: "图片文件已损坏或不完整，请重新导出后再上传。",
  animation: "无法保留这张动图的动画（文件损坏或帧数据异常），请重新导出动图，或改用静态图片。",
} as const;

/** What the upload form and the editor send besides the file. */
export type UploadImageInput = {
  file: string;
  filename?: string | null;
  alt?: string | null;
  decorative?: boolean;
};

const invalid = (message: string) => new AppError("INVALID", message, { fieldErrors: { file: [message] } });

const altSchema = safeText(200).nullish();
function altText(value: string | null | undefined): string | null {
  const r = altSchema.safeParse(value);
  if (!r.success) {
    const message = r.error.issues[0]?.message ?? "替代文本无效。";
    throw new AppError("INVALID", message, { fieldErrors: { alt: [message] } });
  }
  return r.data || null;
}

async function encodeAll(file: string, type: NonNullable<Awaited<ReturnType<typeof sniffImageFile>>>) {
  let facts;
  try {
    facts = await probe(file);
  } catch {
    throw invalid(UPLOAD_MESSAGES.broken);
  }
  const { width, height, frames } = facts;
  if (!width || !height) throw invalid(UPLOAD_MESSAGES.broken);
  // every frame is decoded: the limit is on all of them (a 1000-frame GIF is a bomb too)
  if (width * height * frames > MAX_PIXELS) throw invalid(UPLOAD_MESSAGES.pixels(width, height, frames));
  const animated = frames > 1;
  const written: Encoded[] = [];
  try {
    const original = await encodeOriginal(file, type, animated);
    written.push(original);
    written.push(...(await encodeRenditions(file, original.width, animated)));
    return { original, renditions: written.slice(1), animated };
  } catch (e) {
    await Promise.all(written.map((w) => fs.rm(w.file, { force: true })));
    if (e instanceof StorageFullError) throw e;
    if ((e as Error).message?.includes("pixel limit"))
      throw invalid(UPLOAD_MESSAGES.pixels(width, height, frames));
    throw invalid(animated ? UPLOAD_MESSAGES.animation : UPLOAD_MESSAGES.broken);
  }
}

/**
 * 上传图片. The type comes from the content (file-type; never the name or Content-Type): JPEG, PNG,
 * GIF and WebP only. At most 40 megapixels (all frames); a cut-off file is refused. Stored: the
 * original re-encoded in its own format without metadata (the fallback), plus WebP renditions at
 * 480/960/1600 px (lib/media/renditions.ts); animations stay animated in both. All files go to
 * storage first, then the row (saveImage); any failure removes what this upload placed: nothing
 * is left.
 * `file` is the temporary file the route streamed the upload to; the caller removes it.
 */
export async function uploadImage(actor: Actor | null, input: UploadImageInput): Promise<MediaDto> {
  assertCan(actor, "media.upload");
  const alt = altText(input.alt);
  const { size } = await fs.stat(input.file);
  if (size === 0) throw invalid(UPLOAD_MESSAGES.empty);
  if (size > MAX_UPLOAD_BYTES) throw invalid(UPLOAD_MESSAGES.tooLarge);
  const type = await sniffImageFile(input.file);
  if (!type) throw invalid(UPLOAD_MESSAGES.type);

  const { original, renditions, animated } = await encodeAll(input.file, type);
  const decorative = input.decorative === true;
  const media = await saveImage(db, {
    original,
    renditions,
    animated,
    alt,
    decorative,
    filename: input.filename ?? null,
    uploaderId: actor.id,
  });
  return toMediaDto(media);
}
