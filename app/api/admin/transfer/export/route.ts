import { Readable } from "node:stream";
import { secureRoute } from "@/lib/security/route";
import { exportSite } from "@/lib/services/transfer/export-site";

/**
 * GET /api/admin/transfer/export: the site archive as a download (docs/transfer.md), streamed
 * as it is written. Admins only (site.export); the service checks again and audits.
 */
export const GET = secureRoute(
  { name: "site.export", auth: "user", permission: "site.export" },
  async (_body, { actor }) => {
    const { stream, fileName } = await exportSite(actor);
    return new Response(Readable.toWeb(stream as Readable) as ReadableStream, {
      headers: {
        "Content-Type": "application/zip",
        "Content-Disposition": `attachment; filename="${fileName}"`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  },
);
