import { adminRoute } from "@/lib/api/admin-route";
import { handleImageUpload } from "@/lib/http/media-upload";

/** POST /api/v1/admin/media: multipart `file` (+ `alt`, `decorative`) → 201, as the editor's upload. */
export const POST = adminRoute(
  { name: "api.media.upload", scope: "media:write" },
  async (_b, { req, principal }) => handleImageUpload(req, principal.actor),
);
