import { handleImageUpload } from "@/lib/http/media-upload";
import { secureRoute } from "@/lib/security/route";
import { listMedia } from "@/lib/services/media/list-media";

/**
 * POST /api/media: multipart `file` (+ optional `alt`, `decorative`) → 201 with the media DTO
 * (`{ url, width, height, … variants, srcset }`). Staff only (media.upload); the service checks
 * the content and re-encodes it (lib/http/media-upload.ts).
 */
export const POST = secureRoute(
  // the wrapper's permission gate runs before a 10 MB body is read for someone who may not upload at all
  { name: "media.upload", auth: "user", permission: "media.upload" },
  async (_body, { req, actor }) => handleImageUpload(req, actor),
);

/**
 * GET /api/media?q=&mine=1&page=1: the media library as JSON, for the editor's picker. Uploaders
 * see their own uploads; those who may see everyone's (editors) choose with `mine`.
 */
export const GET = secureRoute(
  { name: "media.list", auth: "user", permission: "media.upload" },
  async (_body, { req, actor }) => {
    const params = Object.fromEntries(new URL(req.url).searchParams);
    return listMedia(actor, params);
  },
);
