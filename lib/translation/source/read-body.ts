import type http from "node:http";
import type { Readable } from "node:stream";
import zlib from "node:zlib";
import { AppError } from "@/lib/errors";

/** Reading and decoding a source page's body, within the byte limit, and only when it is a web page. */

const HTML_TYPES = new Set(["text/html", "application/xhtml+xml"]);

const tooLarge = (maxBytes: number) =>
  new AppError("INVALID", `原文超过 ${Math.round(maxBytes / 1024 / 1024)} MB，无法抓取，请改用粘贴原文。`);
const notHtml = (what: string) =>
  new AppError("INVALID", `该链接返回的不是网页（${what}），请确认链接指向文章页面，或改用粘贴原文。`);

/** Refuses a response that says it is not HTML before a byte of it is read. */
export function assertHtmlHead(res: http.IncomingMessage, maxBytes: number) {
  const type = (res.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
  // no Content-Type at all: decided by sniffing the bytes
  if (type && !HTML_TYPES.has(type)) throw notHtml(type.slice(0, 60));
  const declared = Number(res.headers["content-length"]);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
}

/** The decompressed stream: the limit counts decoded bytes, so a small gzip bomb is refused too. */
function decoded(res: http.IncomingMessage): Readable {
  const through = (z: zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress) => {
    // pipe() does not pass errors on: an aborted response must end the decoder too
    res.once("error", (e) => z.destroy(e));
    res.once("aborted", () => z.destroy(new Error("aborted")));
    return res.pipe(z);
  };
  switch ((res.headers["content-encoding"] ?? "identity").trim().toLowerCase()) {
    case "gzip":
    case "x-gzip":
      return through(zlib.createGunzip());
    case "deflate":
      return through(zlib.createInflate());
    case "br":
      return through(zlib.createBrotliDecompress());
    case "identity":
      return res;
    default:
      throw notHtml("未知的压缩格式");
  }
}

/** Reads at most maxBytes, then stops reading and refuses. */
export async function readLimited(res: http.IncomingMessage, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  const stream = decoded(res);
  try {
    for await (const chunk of stream) {
      size += (chunk as Buffer).length;
      if (size > maxBytes) throw tooLarge(maxBytes);
      chunks.push(chunk as Buffer);
    }
  } finally {
    res.destroy();
    if (stream !== res) stream.destroy();
  }
  return Buffer.concat(chunks);
}

function charsetOf(contentType: string | undefined, head: string): string {
  const fromHeader = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? "");
  if (fromHeader) return fromHeader[1]!;
  // <meta charset="…"> or <meta http-equiv="Content-Type" content="text/html; charset=…">
  const fromMeta = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head);
  return fromMeta?.[1] ?? "utf-8";
}

/** Binary refused by sniffing (a NUL byte in the first KB), then decoded with the declared charset. */
export function decodeHtml(body: Buffer, contentType: string | undefined): string {
  if (body.subarray(0, 1024).includes(0)) throw notHtml("二进制内容");
  const label = charsetOf(contentType, body.subarray(0, 2048).toString("latin1"));
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label);
  } catch {
    decoder = new TextDecoder("utf-8"); // an unknown label: the web's default
  }
  return decoder.decode(body);
}
