import { connection } from "next/server";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { jsonError } from "@/lib/http/api-response";
import { iocDownload, iocFormatOf } from "@/lib/http/ioc-download";
import { getTagIocExport } from "@/lib/services/ioc/list-tag-iocs";
import { getTag } from "@/lib/services/public/get-tag";

type Ctx = { params: Promise<{ slug: string }> };

const slugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  .max(64);
const NO_IOCS = "这个标签下的文章没有可导出的 IOC 指标。";

/**
 * IOC 导出 of a tag or threat entity (issue 16): the indicators of its published articles as CSV,
 * a STIX 2.1 bundle or a MISP event. 404 for an unknown tag or one without indicators, 400 for a
 * bad format.
 */
export async function GET(req: Request, ctx: Ctx) {
  await connection();
  try {
    const slug = slugSchema.safeParse((await ctx.params).slug);
    if (!slug.success) throw new AppError("NOT_FOUND");
    const format = iocFormatOf(req);
    const tag = await getTag(slug.data);
    if (!tag) throw new AppError("NOT_FOUND");
    const input = await getTagIocExport(tag);
    if (input.items.length === 0) throw new AppError("NOT_FOUND", NO_IOCS);
    return iocDownload(input, format);
  } catch (e) {
    return jsonError(e);
  }
}
