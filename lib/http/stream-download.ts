import "server-only";
import { logger } from "@/lib/logger";

/**
 * A file download streamed from text chunks: attachment with an RFC 6266 filename (ASCII fallback
 * plus the UTF-8 name), never stored by any cache. A failure mid-stream aborts the response, so
 * the client sees a broken download rather than a file that looks complete.
 */
export function streamDownload(
  chunks: AsyncIterable<string>,
  { filename, contentType }: { filename: string; contentType: string },
): Response {
  const encoder = new TextEncoder();
  const iterator = chunks[Symbol.asyncIterator]();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await iterator.next();
        if (done) controller.close();
        else controller.enqueue(encoder.encode(value));
      } catch (err) {
        logger.error({ err, filename }, "download failed mid-stream");
        controller.error(err);
      }
    },
    async cancel() {
      await iterator.return?.();
    },
  });
  const ascii = filename.replace(/[^A-Za-z0-9._-]/g, "_");
  return new Response(body, {
    headers: {
      "Content-Type": contentType,
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
