import { uid } from "@/lib/test/factories";
import * as article from "./articles/[publicId]/route";
import * as articles from "./articles/route";
import * as author from "./authors/[publicId]/route";
import * as categories from "./categories/route";
import * as openapi from "./openapi.json/route";
import * as search from "./search/route";
import * as tags from "./tags/route";

type Route = { GET: (req: Request, ctx?: { params: Promise<Record<string, string>> }) => Promise<Response> };

/** The Content API's route modules by path template (tests only: they call the handlers directly). */
export const contentApiModules: Record<string, Route & { OPTIONS: () => Response }> = {
  "/api/v1/articles": articles,
  "/api/v1/articles/{publicId}": article,
  "/api/v1/categories": categories,
  "/api/v1/tags": tags,
  "/api/v1/authors/{publicId}": author,
  "/api/v1/search": search,
  "/api/v1/openapi.json": openapi,
};

function route(pathname: string): { template: string; params: Record<string, string> } {
  for (const template of Object.keys(contentApiModules)) {
    const pattern = new RegExp(
      `^${template.replace("{publicId}", "(?<publicId>[^/]*)").replaceAll(".", "\\.")}$`,
    );
    const m = pattern.exec(pathname);
    if (m) return { template, params: { ...m.groups } };
  }
  throw new Error(`no Content API route for ${pathname}`);
}

/** A fresh client address per test file, so files never share a rate-limit budget. */
export const testIp = () => `10.${parseInt(uid(2), 16)}.${parseInt(uid(2), 16)}.${parseInt(uid(2), 16)}`;

/** GET a Content API path ("/api/v1/articles?limit=2") through its route handler. */
export async function getApi(path: string, ip: string, headers: Record<string, string> = {}) {
  const url = new URL(path, "http://localhost");
  const { template, params } = route(url.pathname);
  const req = new Request(url, { headers: { "x-byline-client-ip": ip, ...headers } });
  const params2 = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, decodeURIComponent(v)]));
  return { template, res: await contentApiModules[template]!.GET(req, { params: Promise.resolve(params2) }) };
}
