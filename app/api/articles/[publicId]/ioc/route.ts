import { connection } from "next/server";
import { AppError } from "@/lib/errors";
import { jsonError } from "@/lib/http/api-response";
import { iocDownload, iocFormatOf } from "@/lib/http/ioc-download";
import { publicIdSchema } from "@/lib/public-id";
import { getArticleIocs } from "@/lib/services/ioc/get-article-iocs";

type Ctx = { params: Promise<{ publicId: string }> };

const NO_IOCS = "这篇文章没有可导出的 IOC 指标。";

/**
 * IOC 导出: a published article's indicators as CSV, a STIX 2.1 bundle or a MISP event, as a
 * download (lib/http/ioc-download.ts). Public like the article; 404 for an unknown, unpublished
 * or IOC-less article, 400 for a bad format.
 */
export async function GET(req: Request, ctx: Ctx) {
  await connection();
  try {
    const publicId = publicIdSchema.safeParse((await ctx.params).publicId);
    if (!publicId.success) throw new AppError("NOT_FOUND");
    const format = iocFormatOf(req);
    const input = await getArticleIocs(publicId.data);
    if (!input) throw new AppError("NOT_FOUND");
    if (input.items.length === 0) throw new AppError("NOT_FOUND", NO_IOCS);
    return iocDownload(input, format);
  } catch (e) {
    return jsonError(e);
  }
}
