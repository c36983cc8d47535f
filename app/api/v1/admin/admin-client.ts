import * as article from "./articles/[publicId]/route";
import * as publish from "./articles/[publicId]/publish/route";
import * as unpublish from "./articles/[publicId]/unpublish/route";
import * as articles from "./articles/route";
import * as moderate from "./comments/moderate/route";
import * as comments from "./comments/route";
import * as media from "./media/route";

type Handler = (req: Request, ctx?: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** The Admin API's route modules by path template (tests only: they call the handlers directly). */
export const adminApiModules: Record<string, Partial<Record<"GET" | "POST" | "PATCH", Handler>>> = {
  "/api/v1/admin/articles": articles,
  "/api/v1/admin/articles/{publicId}": article,
  "/api/v1/admin/articles/{publicId}/publish": publish,
  "/api/v1/admin/articles/{publicId}/unpublish": unpublish,
  "/api/v1/admin/comments": comments,
  "/api/v1/admin/comments/moderate": moderate,
  "/api/v1/admin/media": media,
};

function route(pathname: string): { template: string; params: Record<string, string> } {
  for (const template of Object.keys(adminApiModules)) {
    const m = new RegExp(`^${template.replace("{publicId}", "(?<publicId>[^/]*)")}$`).exec(pathname);
    if (m) return { template, params: { ...m.groups } };
  }
  throw new Error(`no Admin API route for ${pathname}`);
}

type CallOptions = {
  token?: string | null;
  /** a value sent as JSON */
  json?: unknown;
  /** a raw body (FormData for uploads, or text with its own content type) */
  body?: BodyInit;
  contentType?: string;
  ip?: string;
};

/** Calls an Admin API route handler as the HTTP server would hand it a request. */
export async function callAdmin(method: "GET" | "POST" | "PATCH", path: string, opts: CallOptions = {}) {
  const url = new URL(path, "http://localhost");
  const { template, params } = route(url.pathname);
  const headers: Record<string, string> = { "x-byline-client-ip": opts.ip ?? "10.9.8.7" };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let body = opts.body;
  if (opts.json !== undefined) {
    body = JSON.stringify(opts.json);
    headers["content-type"] = "application/json";
  }
  if (opts.contentType) headers["content-type"] = opts.contentType;
  const handler = adminApiModules[template]![method];
  if (!handler) throw new Error(`${template} has no ${method}`);
  const req = new Request(url, { method, headers, body });
  const res = await handler(req, { params: Promise.resolve(params) });
  const text = await res.text();
  return {
    template,
    res,
    status: res.status,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : null,
  };
}
