import { z } from "zod";
import { can } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import { streamDownload } from "@/lib/http/stream-download";
import { idParam, secureRoute } from "@/lib/security/route";
import { exportUserData } from "@/lib/services/privacy/export-user-data";

/**
 * An admin's export of one user's data for a privacy request (user.manage, audited as
 * user.exportData). Anyone else gets a 404, as on every admin-only route: the route does not
 * confirm that it or the user exists.
 */
export const GET = secureRoute(
  // the id is checked after the permission, so a non-admin's malformed id is a 404 too, not a 400
  { name: "user.exportData", auth: "optional", params: z.strictObject({ id: z.string() }) },
  async (_input, { actor, params }) => {
    if (!can(actor, "user.manage")) throw new AppError("NOT_FOUND");
    const id = idParam.safeParse(params.id);
    if (!id.success) throw new AppError("INVALID", "用户编号格式不对。");
    const data = await exportUserData(actor, id.data, "privacyRequest");
    return streamDownload(data.chunks, {
      filename: data.filename,
      contentType: "application/json; charset=utf-8",
    });
  },
);
