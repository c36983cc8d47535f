/**
 * Server actions and sign-in over plain HTTP for fault tests (`*.fault.test.ts`): no browser,
 * the way e2e/authz/server-actions.ts does it, against a server from lib/test/fault-server.ts.
 * Action ids come from the fault build's server-reference manifest. Requests carry the Host of
 * the build's SITE_URL: Next.js refuses a server action whose Origin differs from its Host, and
 * fault servers listen on other ports than the one SITE_URL names.
 */
import http from "node:http";
import { DEMO_PASSWORD, demoAccounts, type DemoRole } from "@/prisma/seed/demo-accounts";
import type { FaultServer } from "./fault-server";

export { faultActionId as actionId } from "./action-manifest";

export type ActionAnswer = {
  status: number;
  ms: number;
  body: string;
  ok?: boolean;
  code?: string;
  message?: string;
};

function parse(status: number, ms: number, body: string): ActionAnswer {
  // the action's return value is one row of the RSC payload: {"ok":false,"error":{"code":"CONFLICT","message":"…"}}
  const ok = body.match(/"ok":(true|false)/)?.[1];
  const error = body.match(/"error":\{"code":"([A-Z_]+)","message":"((?:[^"\\]|\\.)*)"/);
  return {
    status,
    ms,
    body,
    ok: ok === undefined ? undefined : ok === "true",
    code: error?.[1],
    message: error?.[2],
  };
}

type Reply = { status: number; body: string; cookies: string[] };

/** Where the actions go: a fault server, or any server with a base URL and the origin it answers to. */
type Target = Pick<FaultServer, "base" | "origin">;

function post(srv: Target, pagePath: string, headers: Record<string, string>, body: Buffer): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(srv.base + pagePath, {
      method: "POST",
      headers: {
        ...headers,
        Host: new URL(srv.origin).host,
        Origin: srv.origin,
        "Content-Length": String(body.length),
      },
    });
    req.on("response", (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({
          status: res.statusCode!,
          body: Buffer.concat(chunks).toString("utf8"),
          cookies: (res.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]!),
        }),
      );
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(body);
  });
}

/** POSTs a one-argument action (`secureAction`) through `pagePath`, with our Origin and `cookie`. */
export async function callAction(
  srv: Target,
  opts: { pagePath: string; id: string; args: unknown[]; cookie?: string },
): Promise<ActionAnswer> {
  const t0 = performance.now();
  const headers: Record<string, string> = {
    "Next-Action": opts.id,
    Accept: "text/x-component",
    "Content-Type": "text/plain;charset=UTF-8",
  };
  if (opts.cookie) headers.Cookie = opts.cookie;
  const res = await post(srv, opts.pagePath, headers, Buffer.from(JSON.stringify(opts.args)));
  return parse(res.status, Math.round(performance.now() - t0), res.body);
}

/**
 * Signs a demo account in through Auth.js' credentials callback (the path the login action
 * takes, with the same brute-force rules); returns the Cookie header to send.
 */
export async function signIn(srv: Target, role: DemoRole): Promise<string> {
  const account = demoAccounts.find((a) => a.role === role);
  if (!account) throw new Error(`no demo account for ${role}`);
  const csrf = await fetch(`${srv.base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]!);
  const res = await fetch(`${srv.base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      Cookie: jar.join("; "),
      Origin: srv.origin,
    },
    body: new URLSearchParams({
      email: account.email,
      password: DEMO_PASSWORD,
      csrfToken,
      callbackUrl: `${srv.origin}/`,
    }),
  });
  const session = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .filter((c) => /session-token=./.test(c));
  if (session.length === 0)
    throw new Error(`sign-in as ${role} failed: HTTP ${res.status} ${res.headers.get("location")}`);
  return session.join("; ");
}
