import fs from "node:fs/promises";
import { jsonNoStore } from "@/lib/http/api-response";
import { receiveUpload, UploadTooLargeError } from "@/lib/media/receive-upload";
import { StorageFullError } from "@/lib/media/storage";
import { secureRoute } from "@/lib/security/route";
import { MAX_UPLOAD_BYTES, uploadImage } from "@/lib/services/media/upload-image";

const TOO_LARGE = "图片不能超过 10 MB，请压缩后再上传。";
const DISK_FULL = "服务器存储空间已满，图片未能保存。请稍后重试，或联系管理员。";

/**
 * POST /api/media: multipart `file` (+ optional `alt`) → `{ url, width, height }`. Staff only
 * (media.upload); the service checks the bytes and re-encodes them. The body is streamed to a
 * temporary file, never held in memory; server/request-guard.mjs has already refused a
 * body over 10 MB + envelope (413) and too many concurrent uploads (503).
 */
export const POST = secureRoute(
  // the wrapper's permission gate runs before a 10 MB body is read for someone who may not upload at all
  { name: "media.upload", auth: "user", permission: "media.upload" },
  async (_body, { req, actor }) => {
    try {
      const upload = await receiveUpload(req, MAX_UPLOAD_BYTES);
      try {
        const alt = upload.fields.alt ?? null;
        return jsonNoStore(await uploadImage(actor, { file: upload.file, alt }), { status: 201 });
      } finally {
        await fs.rm(upload.file, { force: true });
      }
    } catch (e) {
      if (e instanceof UploadTooLargeError)
        return jsonNoStore({ error: { code: "PAYLOAD_TOO_LARGE", message: TOO_LARGE } }, { status: 413 });
      // a full disk is no internal error: say so (507), nothing of the upload is left behind
      if (e instanceof StorageFullError)
        return jsonNoStore({ error: { code: "INSUFFICIENT_STORAGE", message: DISK_FULL } }, { status: 507 });
      throw e;
    }
  },
);
