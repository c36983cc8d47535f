import fs from "node:fs/promises";
import path from "node:path";
import { MEDIA_TYPES, uploadRoot } from "@/lib/media/storage";

const MIME_BY_EXT = Object.fromEntries(Object.entries(MEDIA_TYPES).map(([mime, ext]) => [ext, mime]));
// "ab/<sha256>.<ext>": anything else (.., absolute paths, other names) is not a stored file.
const KEY = /^[0-9a-f]{2}\/[0-9a-f]{64}\.(webp|png|jpg|gif|svg)$/;

/** Serves uploaded media. Files are content-addressed, so they are immutable and cached for a year. */
export async function GET(_req: Request, ctx: { params: Promise<{ key: string[] }> }) {
  const key = (await ctx.params).key.join("/");
  const match = KEY.exec(key);
  if (!match) return new Response("Not found", { status: 404 });
  try {
    const data = await fs.readFile(path.join(uploadRoot(), key));
    return new Response(new Uint8Array(data), {
      headers: {
        "Content-Type": MIME_BY_EXT[match[1]!]!,
        "Cache-Control": "public, max-age=31536000, immutable",
        "X-Content-Type-Options": "nosniff",
        // an SVG opened directly must not run script or load anything
        "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox",
      },
    });
  } catch {
    return new Response("Not found", { status: 404 });
  }
}
