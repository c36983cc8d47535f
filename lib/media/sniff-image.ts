import { fileTypeFromBuffer, fileTypeFromFile, type FileTypeResult } from "file-type";

export type SniffedImage = { mime: "image/jpeg" | "image/png" | "image/gif" | "image/webp"; ext: string };

const ACCEPTED = new Set<string>(["image/jpeg", "image/png", "image/gif", "image/webp"]);

/**
 * The image type from the file's content (file-type's signatures), whatever its name or declared
 * Content-Type says; null for anything but the four raster formats we store. SVG is deliberately
 * absent: it is a document that can carry script, not a picture (file-type, which reads binary
 * signatures, reports none for it, nor for HTML or text).
 */
export async function sniffImageFile(file: string): Promise<SniffedImage | null> {
  return accepted(await fileTypeFromFile(file));
}

/** The same for bytes already in memory (avatars). */
export async function sniffImage(data: Uint8Array): Promise<SniffedImage | null> {
  return accepted(await fileTypeFromBuffer(data));
}

const accepted = (type: FileTypeResult | undefined): SniffedImage | null =>
  type && ACCEPTED.has(type.mime) ? { mime: type.mime as SniffedImage["mime"], ext: type.ext } : null;
