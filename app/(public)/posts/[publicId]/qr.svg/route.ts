import QRCode from "qrcode";
import { cacheLife } from "next/cache";
import { env } from "@/lib/env";
import { getPublicArticle } from "@/lib/services/public/get-public-article";

async function qrSvg(url: string): Promise<string> {
  "use cache";
  cacheLife("max");
  return QRCode.toString(url, {
    type: "svg",
    margin: 1,
    errorCorrectionLevel: "M",
    color: { dark: "#1c2330", light: "#ffffff" },
  });
}

/**
 * The WeChat share QR code for an article, generated here rather than by a third-party QR
 * service, which would learn every URL our readers share.
 */
export async function GET(_req: Request, ctx: { params: Promise<{ publicId: string }> }) {
  const { publicId } = await ctx.params;
  const article = await getPublicArticle(publicId);
  if (!article) return new Response("Not found", { status: 404 });
  const svg = await qrSvg(new URL(`/posts/${article.publicId}`, env().SITE_URL).toString());
  return new Response(svg, {
    headers: { "Content-Type": "image/svg+xml; charset=utf-8", "Cache-Control": "public, max-age=86400" },
  });
}
