import fs from "node:fs/promises";
import { jsonNoStore } from "@/lib/http/api-response";
import { receiveUpload, UploadTooLargeError } from "@/lib/media/receive-upload";
import { StorageFullError } from "@/lib/media/storage";
import { secureRoute } from "@/lib/security/route";
import { listMedia } from "@/lib/services/media/list-media";
import { MAX_UPLOAD_BYTES, UPLOAD_MESSAGES, uploadImage } from "@/lib/services/media/upload-image";

const DISK_FULL = "服务器存储空间已满，图片未能保存。请稍后重试，或联系管理员。";
const isTrue = (v: string | undefined) => v === "true" || v === "1" || v === "on";

/**
 * POST /api/media: multipart `file` (+ optional `alt`, `decorative`) → 201 with the media DTO
 * (`{ url, width, height, … variants, srcset }`). Staff only (media.upload); the service checks
 * the content and re-encodes it. The body is streamed to a temporary file, never held in memory;
 * server/request-guard.mjs has already refused a body over 10 MB + envelope (413) and too many
 * concurrent uploads (503).
 */
export const POST = secureRoute(
  // the wrapper's permission gate runs before a 10 MB body is read for someone who may not upload at all
  { name: "media.upload", auth: "user", permission: "media.upload" },
  async (_body, { req, actor }) => {
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
  },
);

/**
 * GET /api/media?q=&mine=1&page=1: the media library as JSON, for the editor's picker. Uploaders
 * see their own uploads; those who may see everyone's (editors) choose with `mine`.
 */
export const GET = secureRoute(
  { name: "media.list", auth: "user", permission: "media.upload" },
  async (_body, { req, actor }) => {
    const params = Object.fromEntries(new URL(req.url).searchParams);
    return listMedia(actor, params);
  },
);
