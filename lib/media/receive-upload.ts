import "server-only";
import fs from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import busboy from "busboy";
import { AppError } from "@/lib/errors";
import { StorageFullError, stagingPath, storageError } from "./storage";

/** The body is larger than the route allows (normally stopped earlier by server/request-guard.mjs). */
export class UploadTooLargeError extends Error {
  constructor() {
    super("upload too large");
    this.name = "UploadTooLargeError";
  }
}

/** `filename` is the name the browser sent (for the media library's search; never a path here). */
export type ReceivedUpload = { file: string; filename: string | null; fields: Record<string, string> };

const FORM_EXPECTED = "请以表单方式上传图片文件。";
const FILE_MISSING = "请选择要上传的图片。";

/**
 * Streams a multipart body's `file` part to a temporary file in the upload folder, never more
 * than `maxFileBytes`, and collects the small text fields. Nothing of the file is held in memory
 * beyond a stream chunk. On any failure the temporary file is removed: a full disk throws
 * StorageFullError, an over-long file UploadTooLargeError, a malformed form an AppError.
 * The caller removes `file` when done with it.
 */
export async function receiveUpload(req: Request, maxFileBytes: number): Promise<ReceivedUpload> {
  const type = req.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("multipart/form-data") || !req.body)
    throw new AppError("INVALID", FORM_EXPECTED);
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { "content-type": type },
      limits: { files: 1, fileSize: maxFileBytes, fields: 8, fieldSize: 4096, parts: 10 },
    });
  } catch {
    throw new AppError("INVALID", FORM_EXPECTED);
  }

  const tmp = await stagingPath();
  const source = Readable.fromWeb(req.body as unknown as NodeReadableStream);
  const fields: Record<string, string> = {};
  let written: Promise<void> | null = null;
  let filename: string | null = null;
  // why the file was not kept (too large, disk full); the rest of the body is still read and
  // discarded (at most the route's limit, server/request-limits.mjs), because cutting the
  // request stream off would reset the connection before our answer reaches the client
  let failure: UploadTooLargeError | StorageFullError | Error | null = null;
  parser.on("field", (name, value) => (fields[name] = value));
  parser.on("file", (name, stream, info) => {
    if (name !== "file" || written) return void stream.resume();
    filename = info.filename || null;
    const out = fs.createWriteStream(tmp, { flags: "wx" });
    const discard = (e: UploadTooLargeError | StorageFullError | Error) => {
      failure ??= e;
      stream.unpipe(out);
      stream.resume();
      out.destroy();
    };
    written = new Promise<void>((resolve) => {
      out.once("close", resolve);
      out.once("error", (e) => discard(storageError(e) as Error));
      stream.once("limit", () => discard(new UploadTooLargeError()));
      // a broken form ends the part without "end": pipe() would leave the file open
      stream.once("error", (e) => discard(e));
      stream.once("close", () => stream.readableEnded || discard(new Error("file part cut short")));
      stream.pipe(out);
    });
  });

  try {
    await pipeline(source, parser);
    await written;
    if (failure) throw failure;
    if (!written) throw new AppError("INVALID", FILE_MISSING, { fieldErrors: { file: [FILE_MISSING] } });
    return { file: tmp, filename, fields };
  } catch (e) {
    // let the file stream close before removing what it wrote
    await written;
    await fs.promises.rm(tmp, { force: true });
    // (assigned in the callbacks above, which TypeScript's narrowing does not see)
    const why = failure as Error | null;
    if (why instanceof UploadTooLargeError || why instanceof StorageFullError) throw why;
    if (e instanceof AppError) throw e;
    throw new AppError("INVALID", FORM_EXPECTED);
  }
}
