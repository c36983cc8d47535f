import fs from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { stagingPath } from "@/lib/media/storage";
import { secureRoute } from "@/lib/security/route";
import { importSite } from "@/lib/services/transfer/import-site";
import { ARCHIVE_LIMITS } from "@/lib/transfer/format";

const querySchema = z.strictObject({
  // 合并 must be chosen and confirmed: either alone is not enough
  mode: z.enum(["empty", "merge"]).default("empty"),
  confirm: z.literal("merge").optional(),
});

const TOO_LARGE = `归档文件超过 ${ARCHIVE_LIMITS.archiveBytes / 1024 / 1024 / 1024} GB 上限。`;

/** The body to a staging file, never more than the cap (server/request-limits.mjs stops it earlier too). */
async function receive(req: Request): Promise<string> {
  if (!req.body) throw new AppError("INVALID", "请选择要导入的站点归档（.zip）。");
  const file = await stagingPath();
  let seen = 0;
  try {
    await pipeline(
      Readable.fromWeb(req.body as unknown as NodeReadableStream),
      async function* (chunks: AsyncIterable<Buffer>) {
        for await (const chunk of chunks) {
          seen += chunk.length;
          if (seen > ARCHIVE_LIMITS.archiveBytes) throw new AppError("INVALID", TOO_LARGE);
          yield chunk;
        }
      },
      fs.createWriteStream(file, { flags: "wx" }),
    );
    if (seen === 0) throw new AppError("INVALID", "上传的文件是空的。");
    return file;
  } catch (e) {
    await fs.promises.rm(file, { force: true });
    if (e instanceof AppError) throw e;
    throw new AppError("INVALID", "归档没有完整上传，请重试。");
  }
}

/**
 * POST /api/admin/transfer/import?mode=empty|merge[&confirm=merge]: the zip as the raw body
 * (streamed to disk: proxy.ts leaves this route alone so Next.js does not buffer it). Admins only
 * (site.import). 200 with the counts, or 400/409 with the zh-CN reason and nothing changed.
 */
export const POST = secureRoute(
  { name: "site.import", auth: "user", permission: "site.import" },
  async (_body, { req, actor }) => {
    const query = querySchema.safeParse(Object.fromEntries(new URL(req.url).searchParams));
    if (!query.success) throw new AppError("INVALID", "导入方式无效：请选择「空站点导入」或「合并」。");
    const { mode, confirm } = query.data;
    if (mode === "merge" && confirm !== "merge")
      throw new AppError("INVALID", "合并导入需要确认：请勾选「我已了解合并方式」后再导入。");
    const file = await receive(req);
    try {
      return await importSite(actor, file, mode);
    } finally {
      await fs.promises.rm(file, { force: true });
    }
  },
);
