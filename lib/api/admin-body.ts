import { AppError } from "@/lib/errors";

/** An article of up to 500 KB of body JSON, with room to spare (server/request-limits.mjs: adminApi). */
const ADMIN_JSON_LIMIT = 1024 * 1024;

const tooLarge = () => new AppError("INVALID", "请求内容过大（上限 1 MB），请精简内容后重试。");

/**
 * The request's JSON body, read at most `limit` bytes: the HTTP server already refuses larger
 * bodies before Next.js reads them, and this holds for any other way in (a bare `next start`).
 */
export async function readJsonBody(req: Request, limit = ADMIN_JSON_LIMIT): Promise<unknown> {
  const type = req.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type))
    throw new AppError("INVALID", "请求格式应为 JSON（Content-Type: application/json）。");
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > limit) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (req.body) {
    const reader = req.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel();
        throw tooLarge();
      }
      chunks.push(value);
    }
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new AppError("INVALID", "请求内容不是有效的 UTF-8 文本。");
  }
  if (!text.trim()) throw new AppError("INVALID", "请求内容为空，请发送 JSON 对象。");
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("INVALID", "请求内容不是有效的 JSON。");
  }
}
