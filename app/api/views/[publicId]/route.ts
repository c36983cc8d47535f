import { cookies, headers } from "next/headers";
import { getCurrentUser } from "@/lib/auth/session";
import { siteUrl } from "@/lib/site-url";
import { isCrossSite, jsonError, jsonNoStore } from "@/lib/http/api-response";
import { recordView } from "@/lib/services/views/record-view";
import { VISITOR_COOKIE, visitorIdFor } from "@/lib/services/views/visitor-id";

type Ctx = { params: Promise<{ publicId: string }> };

/**
 * The article page's view beacon. The page stays static; this POST decides whether the view
 * counts and answers with the figure to show.
 */
export async function POST(req: Request, ctx: Ctx) {
  try {
    const { publicId } = await ctx.params;
    const [jar, h] = await Promise.all([cookies(), headers()]);
    const ua = h.get("user-agent");
    if (isCrossSite(req)) return jsonNoStore({ counted: false }, { status: 403 });
    const ip = h.get("x-forwarded-for")?.split(",")[0]?.trim() || h.get("x-real-ip") || "";
    const visitor = visitorIdFor(jar.get(VISITOR_COOKIE)?.value, ip, ua ?? "");
    const result = await recordView({
      publicId,
      visitorId: visitor.id,
      userAgent: ua,
      actor: await getCurrentUser(),
    });
    if (visitor.isNew) {
      jar.set(VISITOR_COOKIE, visitor.id, {
        httpOnly: true,
        sameSite: "lax",
        secure: siteUrl().startsWith("https:"),
        path: "/",
        maxAge: 365 * 86_400,
      });
    }
    return jsonNoStore(result);
  } catch (e) {
    return jsonError(e);
  }
}
