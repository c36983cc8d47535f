import { connection } from "next/server";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { jsonForScript } from "@/lib/escape/json-script";
import { jsonError } from "@/lib/http/api-response";
import { iocCsv } from "@/lib/ioc/export/csv";
import { exportFilename, type IocExportInput } from "@/lib/ioc/export/input";
import { iocMispEvent } from "@/lib/ioc/export/misp";
import { iocStixBundle } from "@/lib/ioc/export/stix";
import { publicIdSchema } from "@/lib/public-id";
import { getArticleIocs } from "@/lib/services/ioc/get-article-iocs";

type Ctx = { params: Promise<{ publicId: string }> };

const BAD_QUERY = "导出格式无效：format 须为 csv、stix 或 misp。";
const NO_IOCS = "这篇文章没有可导出的 IOC 指标。";
const query = z.strictObject({ format: z.enum(["csv", "stix", "misp"]) });

const FORMATS = {
  csv: { ext: "csv", type: "text/csv; charset=utf-8", body: iocCsv },
  // the media type the STIX 2.1 spec registers for its JSON
  stix: {
    ext: "stix.json",
    type: "application/stix+json;version=2.1",
    body: (i: IocExportInput) => jsonForScript(iocStixBundle(i)),
  },
  misp: {
    ext: "misp.json",
    type: "application/json; charset=utf-8",
    body: (i: IocExportInput) => jsonForScript(iocMispEvent(i)),
  },
} as const;

/**
 * IOC 导出: a published article's indicators as CSV, a STIX 2.1 bundle or a MISP event
 * (lib/ioc/export), as a download. Public like the article; 404 for an unknown, unpublished or
 * IOC-less article. JSON goes through jsonForScript (<, >, & escaped): still the same JSON, and
 * no string in it can be read as markup if something renders the file.
 */
export async function GET(req: Request, ctx: Ctx) {
  await connection();
  try {
    const publicId = publicIdSchema.safeParse((await ctx.params).publicId);
    if (!publicId.success) throw new AppError("NOT_FOUND");
    const parsed = query.safeParse(Object.fromEntries(new URL(req.url).searchParams));
    if (!parsed.success) throw new AppError("INVALID", BAD_QUERY);
    const input = await getArticleIocs(publicId.data);
    if (!input) throw new AppError("NOT_FOUND");
    if (input.items.length === 0) throw new AppError("NOT_FOUND", NO_IOCS);
    const format = FORMATS[parsed.data.format];
    return new Response(format.body(input), {
      headers: {
        "Content-Type": format.type,
        "Content-Disposition": `attachment; filename="${exportFilename(input, format.ext)}"`,
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "public, max-age=60",
      },
    });
  } catch (e) {
    return jsonError(e);
  }
}
