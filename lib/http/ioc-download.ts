import { z } from "zod";
import { AppError } from "@/lib/errors";
import { jsonForScript } from "@/lib/escape/json-script";
import { iocCsv } from "@/lib/ioc/export/csv";
import { exportFilename, type IocExportInput } from "@/lib/ioc/export/input";
import { iocMispEvent } from "@/lib/ioc/export/misp";
import { iocStixBundle } from "@/lib/ioc/export/stix";

const BAD_QUERY = "导出格式无效：format 须为 csv、stix 或 misp。";
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

export type IocFormat = keyof typeof FORMATS;

/** `?format=csv|stix|misp` and nothing else, or INVALID (400) with a zh-CN message. */
export function iocFormatOf(req: Request): IocFormat {
  const parsed = query.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!parsed.success) throw new AppError("INVALID", BAD_QUERY);
  return parsed.data.format;
}

/**
 * An IOC export as a download (CSV, a STIX 2.1 bundle or a MISP event; lib/ioc/export). JSON
 * goes through jsonForScript (<, >, & escaped): still the same JSON, and no string in it can be
 * read as markup if something renders the file.
 */
export function iocDownload(input: IocExportInput, format: IocFormat): Response {
  const f = FORMATS[format];
  return new Response(f.body(input), {
    headers: {
      "Content-Type": f.type,
      "Content-Disposition": `attachment; filename="${exportFilename(input, f.ext)}"`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "public, max-age=60",
    },
  });
}
