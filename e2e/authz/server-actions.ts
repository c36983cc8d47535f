import type { APIRequestContext } from "@playwright/test";
import pg from "pg";
import { actionIdIn } from "../../lib/test/action-manifest";

/**
 * Calling server actions the way an attacker would: a bare POST with the action's id, no page,
 * no client code. Ids come from the production build's server-reference manifest.
 */
export const actionId = (file: string, exportedName: string) =>
  actionIdIn(process.env.NEXT_DIST_DIR || ".next", file, exportedName);

export type ActionCall = {
  status: number;
  body: string;
  result: { ok?: boolean; code?: string; fieldErrors?: string[] };
};

/** The action's return value is one row of the RSC payload: {"ok":false,"error":{"code":"FORBIDDEN",...}}. */
function resultOf(body: string): ActionCall["result"] {
  const ok = body.match(/"ok":(true|false)/)?.[1];
  const code = body.match(/"error":\{"code":"([A-Z_]+)"/)?.[1];
  const errors = body.match(/"fieldErrors":\{([^{}]*)\}/)?.[1];
  const fieldErrors =
    errors === undefined ? undefined : [...errors.matchAll(/"([^"]+)":\[/g)].map((m) => m[1]!).sort();
  return { ok: ok === undefined ? undefined : ok === "true", code, fieldErrors };
}

/** POSTs `args` to the action through `pagePath`; `origin: null` sends no Origin header at all. */
export async function callAction(
  request: APIRequestContext,
  opts: { pagePath: string; id: string; args: unknown[]; origin: string | null },
): Promise<ActionCall> {
  const headers: Record<string, string> = {
    "Next-Action": opts.id,
    Accept: "text/x-component",
    "Content-Type": "text/plain;charset=UTF-8",
  };
  if (opts.origin !== null) headers.Origin = opts.origin;
  const res = await request.post(opts.pagePath, {
    headers,
    data: JSON.stringify(opts.args),
    maxRedirects: 0,
  });
  const body = await res.text();
  return { status: res.status(), body, result: resultOf(body) };
}

/**
 * The same for a form action `(prevState, formData)`, encoded exactly as the browser's client
 * does it (React's encodeReply, what useActionState sends; captured from Chromium in
 * matrix.spec.ts): multipart, each form field as part "_1_<name>", then the argument list as the
 * LAST part "0" (`[null,"$K1"]`, where $K1 is that FormData). The server decodes the stream as
 * it arrives and builds the FormData when it reads "0", from the "_1_" parts before it; fields
 * sent after "0", or under another name, never reach the action. This helper used to send "0"
 * first with "1_" names, so every form action got an empty form (issue 8, finding 7e).
 */
export const FORM_FIELD_PREFIX = "_1_";

export async function callFormAction(
  request: APIRequestContext,
  opts: { pagePath: string; id: string; fields: Record<string, string>; origin: string | null },
): Promise<ActionCall> {
  const headers: Record<string, string> = { "Next-Action": opts.id, Accept: "text/x-component" };
  if (opts.origin !== null) headers.Origin = opts.origin;
  // a FormData, not an object: an object would enumerate the integer-like key "0" first
  const multipart = new FormData();
  for (const [k, v] of Object.entries(opts.fields)) multipart.append(`${FORM_FIELD_PREFIX}${k}`, v);
  multipart.append("0", JSON.stringify([null, "$K1"]));
  const res = await request.post(opts.pagePath, { headers, multipart, maxRedirects: 0 });
  const body = await res.text();
  return { status: res.status(), body, result: resultOf(body) };
}

export async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

type ArticleRow = { status: string; title: string; version: number; authorId: string; viewCount: number };

export async function articleRow(id: string): Promise<ArticleRow> {
  const [row] = await query<ArticleRow>(
    'select status, title, version, "authorId", "viewCount" from articles where id = $1',
    [id],
  );
  if (!row) throw new Error(`no article ${id} in the test database`);
  return row;
}
