import { AppError } from "@/lib/errors";
import { jsonNoStore } from "@/lib/http/api-response";
import { secureRoute } from "@/lib/security/route";
import { MAX_UPLOAD_BYTES, uploadImage } from "@/lib/services/media/upload-image";

// room for the multipart envelope around a maximum-size file
const MAX_BODY_BYTES = MAX_UPLOAD_BYTES + 64 * 1024;
const TOO_LARGE = "图片不能超过 10 MB，请压缩后再上传。";

/** Reads the body, stopping as soon as it passes the limit (Content-Length can be absent or wrong). */
async function readCapped(req: Request, max: number): Promise<Buffer> {
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > max) throw new AppError("INVALID", TOO_LARGE);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = req.body?.getReader();
  if (!reader) return Buffer.alloc(0);
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      throw new AppError("INVALID", TOO_LARGE);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * POST /api/media: multipart `file` (+ optional `alt`) → `{ url, width, height }`. Staff only
 * (media.upload); the service checks the bytes and re-encodes them.
 */
export const POST = secureRoute(
  // the wrapper's permission gate runs before a 10 MB body is read for someone who may not upload at all
  { name: "media.upload", auth: "user", permission: "media.upload" },
  async (_body, { req, actor }) => {
    const body = await readCapped(req, MAX_BODY_BYTES);
    let form: FormData;
    try {
      form = await new Response(new Uint8Array(body), { headers: { "content-type": req.headers.get("content-type") ?? "" } }).formData();
    } catch {
      throw new AppError("INVALID", "请以表单方式上传图片文件。");
    }
    const file = form.get("file");
    if (!(file instanceof File)) throw new AppError("INVALID", "请选择要上传的图片。", { fieldErrors: { file: ["请选择要上传的图片。"] } });
    const alt = form.get("alt");
    const result = await uploadImage(actor, { data: Buffer.from(await file.arrayBuffer()), alt: typeof alt === "string" ? alt : null });
    return jsonNoStore(result, { status: 201 });
  },
);
