import { captchaSvg, newCaptchaToken } from "@/lib/security/captcha";

const NO_STORE = { "Cache-Control": "no-store, max-age=0", "X-Content-Type-Options": "nosniff" };

/**
 * GET /api/captcha → { token } for a fresh captcha (the form keeps it in a hidden field);
 * GET /api/captcha?token=… → its image. Both uncacheable: a cached image would show one answer
 * to many people. Only reads; nothing here changes state (answers are checked by the actions).
 */
export async function GET(req: Request): Promise<Response> {
  const token = new URL(req.url).searchParams.get("token");
  if (token === null) return Response.json({ token: newCaptchaToken() }, { headers: NO_STORE });
  const svg = captchaSvg(token);
  if (!svg)
    return new Response("验证码已过期，请换一张。", {
      status: 404,
      headers: { ...NO_STORE, "Content-Type": "text/plain; charset=utf-8" },
    });
  return new Response(svg, {
    headers: {
      ...NO_STORE,
      "Content-Type": "image/svg+xml",
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
    },
  });
}
