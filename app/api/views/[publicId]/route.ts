import { cookies } from "next/headers";
import { z } from "zod";
import { idParam, secureRoute } from "@/lib/security/route";
import { siteUrl } from "@/lib/site-url";
import { recordView } from "@/lib/services/views/record-view";
import { VISITOR_COOKIE, visitorIdFor } from "@/lib/services/views/visitor-id.mjs";

/**
 * The article page's view beacon for signed-in readers (their session decides whether they are
 * staff, whose visits never count). Everyone else's beacon is answered by our HTTP server before
 * Next.js (server/view-beacon.mjs) with the same rules and answer; this route answers all of them
 * when that is switched off (BYLINE_VIEW_BEACON=0). The page stays static; this POST decides
 * whether the view counts and answers with the figure to show.
 */
export const POST = secureRoute(
  { name: "article.view", auth: "optional", params: z.strictObject({ publicId: idParam }) },
  async (_body, { actor, params, ip, userAgent }) => {
    const jar = await cookies();
    const visitor = visitorIdFor(jar.get(VISITOR_COOKIE)?.value, ip ?? "", userAgent ?? "");
    const result = await recordView({ publicId: params.publicId, visitorId: visitor.id, userAgent, actor });
    if (visitor.isNew) {
      jar.set(VISITOR_COOKIE, visitor.id, {
        httpOnly: true,
        sameSite: "lax",
        secure: siteUrl().startsWith("https:"),
        path: "/",
        maxAge: 365 * 86_400,
      });
    }
    return result;
  },
);
