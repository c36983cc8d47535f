import "server-only";
import fs from "node:fs/promises";
import type { Actor } from "@/lib/authz";
import { jsonNoStore } from "@/lib/http/api-response";
import { receiveUpload, UploadTooLargeError } from "@/lib/media/receive-upload";
import { StorageFullError } from "@/lib/media/storage";
import { MAX_UPLOAD_BYTES, UPLOAD_MESSAGES, uploadImage } from "@/lib/services/media/upload-image";

const DISK_FULL = "服务器存储空间已满，图片未能保存。请稍后重试，或联系管理员。";
const isTrue = (v: string | undefined) => v === "true" || v === "1" || v === "on";

/**
 * One image upload from a multipart request (`file`, optional `alt`, `decorative`) → 201 with the
 * media DTO; shared by the editor's POST /api/media and the Admin API's POST /api/v1/admin/media.
 * The body is streamed to a temporary file, never held in memory, and removed afterwards;
 * server/request-guard.mjs has already refused a body over 10 MB + envelope (413).
 */
export async function handleImageUpload(req: Request, actor: Actor): Promise<Response> {
  try {
    const upload = await receiveUpload(req, MAX_UPLOAD_BYTES);
    try {
      const { alt, decorative } = upload.fields;
      const media = await uploadImage(actor, {
        file: upload.file,
        filename: upload.filename,
        alt: alt ?? null,
        decorative: isTrue(decorative),
      });
      return jsonNoStore(media, { status: 201 });
    } finally {
      await fs.rm(upload.file, { force: true });
    }
  } catch (e) {
    if (e instanceof UploadTooLargeError)
      return jsonNoStore(
        { error: { code: "PAYLOAD_TOO_LARGE", message: UPLOAD_MESSAGES.tooLarge } },
        { status: 413 },
      );
    // a full disk is no internal error: say so (507), nothing of the upload is left behind
    if (e instanceof StorageFullError)
      return jsonNoStore({ error: { code: "INSUFFICIENT_STORAGE", message: DISK_FULL } }, { status: 507 });
    throw e;
  }
}
