import { cookies } from "next/headers";
import { z } from "zod";
import { idParam, secureRoute } from "@/lib/security/route";
import { siteUrl } from "@/lib/site-url";
import { recordView } from "@/lib/services/views/record-view";
import { VISITOR_COOKIE, visitorIdFor } from "@/lib/services/views/visitor-id";

/**
 * The article page's view beacon. The page stays static; this POST decides whether the view
 * counts and answers with the figure to show.
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
