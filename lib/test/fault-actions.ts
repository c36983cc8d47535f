/**
 * Server actions and sign-in over plain HTTP for fault tests (`*.fault.test.ts`): no browser,
 * the way e2e/authz/server-actions.ts does it, against a server from lib/test/fault-server.ts.
 * Action ids come from the fault build's server-reference manifest.
 */
import fs from "node:fs";
import path from "node:path";
import { DEMO_PASSWORD, demoAccounts, type DemoRole } from "@/prisma/seed/demo-accounts";
import type { FaultServer } from "./fault-server";

const root = path.resolve(import.meta.dirname, "../..");

export function actionId(file: string, exportedName: string): string {
  const dist = JSON.parse(process.env.FAULT_SERVER_ENV ?? "{}").NEXT_DIST_DIR ?? ".next-test";
  const manifest = JSON.parse(
    fs.readFileSync(path.join(root, dist, "server", "server-reference-manifest.json"), "utf8"),
  ) as {
    node: Record<string, { filename: string; exportedName: string }>;
  };
  const hit = Object.entries(manifest.node).find(
    ([, v]) => v.filename === file && v.exportedName === exportedName,
  );
  if (!hit) throw new Error(`no server action ${exportedName} in ${file}`);
  return hit[0];
}

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

/** POSTs a one-argument action (`secureAction`) through `pagePath`, with our Origin and `cookie`. */
export async function callAction(
  srv: FaultServer,
  opts: { pagePath: string; id: string; args: unknown[]; cookie?: string },
): Promise<ActionAnswer> {
  const t0 = performance.now();
  const res = await fetch(srv.base + opts.pagePath, {
    method: "POST",
    headers: {
      "Next-Action": opts.id,
      Accept: "text/x-component",
      "Content-Type": "text/plain;charset=UTF-8",
      Origin: srv.origin,
      ...(opts.cookie ? { Cookie: opts.cookie } : {}),
    },
    body: JSON.stringify(opts.args),
    redirect: "manual",
  });
  const body = await res.text();
  return parse(res.status, Math.round(performance.now() - t0), body);
}

/** Signs a demo account in through the real login action; returns the Cookie header to send. */
export async function signIn(srv: FaultServer, role: DemoRole): Promise<string> {
  const account = demoAccounts.find((a) => a.role === role);
  if (!account) throw new Error(`no demo account for ${role}`);
  const form = new FormData();
  // React's reply encoding for (prevState, formData): row 0 is the argument list, fields prefixed "1_"
  form.set("0", JSON.stringify([null, "$K1"]));
  form.set("1_email", account.email);
  form.set("1_password", DEMO_PASSWORD);
  form.set("1_next", "/");
  const res = await fetch(`${srv.base}/login`, {
    method: "POST",
    headers: {
      "Next-Action": actionId("app/(auth)/login/actions.ts", "loginAction"),
      Accept: "text/x-component",
      Origin: srv.origin,
    },
    body: form,
    redirect: "manual",
  });
  await res.text();
  const cookies = res.headers.getSetCookie().map((c) => c.split(";")[0]!);
  if (!cookies.some((c) => /session-token=./.test(c)))
    throw new Error(`sign-in as ${role} failed: HTTP ${res.status}`);
  return cookies.join("; ");
}
