import { Readable } from "node:stream";
import { MEDIA_TYPES, mediaStorage } from "@/lib/media/storage";

const MIME_BY_EXT = Object.fromEntries(Object.entries(MEDIA_TYPES).map(([mime, ext]) => [ext, mime]));
// "ab/<sha256>.<ext>": anything else (.., absolute paths, other names) is not a stored file.
const KEY = /^[0-9a-f]{2}\/[0-9a-f]{64}\.(webp|png|jpg|gif|svg)$/;

/** Serves uploaded media from the storage driver. Files are content-addressed: immutable, cached for a year. */
export async function GET(_req: Request, ctx: { params: Promise<{ key: string[] }> }) {
  const key = (await ctx.params).key.join("/");
  const match = KEY.exec(key);
  if (!match) return new Response("Not found", { status: 404 });
  const storage = mediaStorage();
  const [head, stream] = await Promise.all([storage.head(key), storage.stream(key)]);
  if (!head || !stream) {
    stream?.destroy();
    return new Response("Not found", { status: 404 });
  }
  return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, {
    headers: {
      "Content-Type": MIME_BY_EXT[match[1]!]!,
      "Content-Length": String(head.size),
      "Cache-Control": "public, max-age=31536000, immutable",
      "X-Content-Type-Options": "nosniff",
      // an SVG opened directly must not run script or load anything
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox",
    },
  });
}
