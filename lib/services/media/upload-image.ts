import "server-only";
import fs from "node:fs/promises";
import sharp, { type OutputInfo } from "sharp";
import { assertCan, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { sniffImage } from "@/lib/media/sniff-image";
import { saveMedia } from "@/lib/media/storage";

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
const MAX_DIMENSION = 8000;

export type UploadedImage = { url: string; width: number; height: number };

// Decoded images are not kept in libvips' operation cache: each upload is decoded once, and a
// cache of full-size pixels would grow the process with every upload.
sharp.cache(false);

/** The first bytes of the file: enough for sniffImage, without reading the rest into memory. */
async function headOf(file: string): Promise<Uint8Array> {
  const fh = await fs.open(file, "r");
  try {
    const { buffer, bytesRead } = await fh.read(Buffer.alloc(16), 0, 16, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

const invalid = (message: string) => new AppError("INVALID", message, { fieldErrors: { file: [message] } });

/**
 * 上传图片. The type comes from the bytes (never the name or Content-Type); the image is decoded
 * and re-encoded to WebP, which drops EXIF (GPS, camera serials), ICC and XMP metadata and any
 * bytes smuggled after the image data. The upload is read from `file` (a temporary file the
 * route streamed it to; the caller removes it): only sharp holds pixels in memory. Stored
 * content-addressed via lib/media/storage.ts; a full disk is a StorageFullError.
 */
export async function uploadImage(
  actor: Actor | null,
  input: { file: string; alt?: string | null },
): Promise<UploadedImage> {
  assertCan(actor, "media.upload");
  const { file } = input;
  const { size } = await fs.stat(file);
  if (size === 0) throw invalid("请选择要上传的图片。");
  if (size > MAX_UPLOAD_BYTES) throw invalid("图片不能超过 10 MB，请压缩后再上传。");
  if (!sniffImage(await headOf(file))) throw invalid("只支持 JPEG、PNG、GIF 和 WebP 图片。");

  // decompression bombs are refused before any pixel is allocated
  const options = { limitInputPixels: MAX_DIMENSION * MAX_DIMENSION, failOn: "error" as const };
  let width: number | undefined;
  let height: number | undefined;
  try {
    ({ width, height } = await sharp(file, options).metadata());
  } catch {
    throw invalid("图片文件已损坏或无法识别，请换一张图片。");
  }
  if (!width || !height) throw invalid("图片文件已损坏或无法识别，请换一张图片。");
  if (width > MAX_DIMENSION || height > MAX_DIMENSION)
    throw invalid(`图片尺寸不能超过 ${MAX_DIMENSION}×${MAX_DIMENSION} 像素。`);

  let out: { data: Buffer; info: OutputInfo };
  try {
    // rotate() applies the EXIF orientation before the metadata is dropped
    out = await sharp(file, options).rotate().webp({ quality: 82 }).toBuffer({ resolveWithObject: true });
  } catch {
    throw invalid("图片处理失败，请换一张图片后重试。");
  }
  const alt = input.alt?.trim().slice(0, 200) || null;
  const media = await saveMedia(db, {
    data: out.data,
    mime: "image/webp",
    uploaderId: actor.id,
    alt,
    width: out.info.width,
    height: out.info.height,
  });
  return { url: media.url, width: out.info.width, height: out.info.height };
}
