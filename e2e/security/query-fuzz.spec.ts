import { expect, test, type APIRequestContext } from "@playwright/test";
import fc from "fast-check";
import { query } from "../authz/server-actions";

/**
 * Query-parameter fuzz (issue 8): fast-check builds hostile query strings (page numbers, keyset
 * cursors, search terms, unicode, huge and negative numbers, repeated keys, malformed percent
 * encodings) and sends them to every public GET route that reads its query, plus malformed
 * UTF-8 in path segments. No answer may be a 5xx, and every 4xx must say something in Chinese.
 * A fixed seed and a fixed number of runs, so a failure replays: FUZZ_SEED=<n> to try others.
 */

const SEED = Number(process.env.FUZZ_SEED ?? 20261202);
const RUNS = 150;

type Targets = { category: string; tag: string; member: string; post: string };

async function targets(): Promise<Targets> {
  const [c] = await query<{ slug: string }>("select slug from categories order by position limit 1");
  const [t] = await query<{ slug: string }>("select slug from tags order by id limit 1");
  const [a] = await query<{ publicId: string; member: string }>(
    `select a."publicId", p."publicId" as member from articles a join profiles p on p."userId" = a."authorId"
     where a.status = 'PUBLISHED' order by a."publishedAt" desc limit 1`,
  );
  if (!c || !t || !a) throw new Error("the demo seed has no category, tag or published article");
  return { category: c.slug, tag: t.slug, member: a.member, post: a.publicId };
}

const routes = (t: Targets) => [
  "/",
  "/latest",
  "/search",
  "/tag",
  "/feed",
  `/category/${t.category}`,
  `/category/${t.category}/feed`,
  `/tag/${t.tag}`,
  `/member/${t.member}`,
  `/member/${t.member}/feed`,
  `/posts/${t.post}`,
];

// raw pieces are inserted as they are: percent signs that do not start a valid escape, broken
// UTF-8 sequences, encoded NUL and lone surrogates, separators inside values
const RAW = [
  "%",
  "%zz",
  "%E0%A4%A",
  "%FF",
  "%C0%AF",
  "%ED%A0%80",
  "%00",
  "%0A",
  "%25",
  "%2525",
  "&&",
  "==",
  "%26",
  "%3D",
  "+",
  "%2B",
];
const KEYS = [
  "page",
  "before",
  "after",
  "q",
  "sort",
  "category",
  "tag",
  "cursor",
  "limit",
  "from",
  "utm_source",
  "page[]",
  "q[0]",
  "__proto__",
  "constructor",
];

const value = fc.oneof(
  fc.integer().map(String),
  fc.constantFrom(
    "0",
    "-1",
    "1e309",
    "9".repeat(40),
    "NaN",
    "Infinity",
    "0x10",
    "1.5",
    "",
    " ",
    "null",
    "undefined",
    "true",
    "[]",
    "{}",
  ),
  fc.constantFrom(
    "2026-13-45T99:99:99Z",
    "2026-12-01T00:00:00.000Z",
    "1970-01-01",
    "MjAyNi0xMi0wMQ",
    "abc.def.ghi",
    "../../etc/passwd",
  ),
  fc.string({ unit: "grapheme", maxLength: 30 }).map(encodeURIComponent),
  fc
    .string({ unit: "binary", maxLength: 20 })
    .map((s) => encodeURIComponent(s.replace(/[\ud800-\udfff]/g, "\ufffd"))),
  fc
    .constantFrom(
      "勒索软件",
      "漏洞 CVE-2026",
      "<script>alert(1)</script>",
      "' OR 1=1 --",
      "\u202e\u0645\u0631\u062d\u0628\u0627",
      "😀".repeat(20),
    )
    .map(encodeURIComponent),
  fc.constantFrom(...RAW),
  fc.array(fc.constantFrom(...RAW, "a", "1", "勒"), { minLength: 1, maxLength: 6 }).map((xs) => xs.join("")),
  fc.constant("x".repeat(3000)),
);
const key = fc.oneof(
  fc.constantFrom(...KEYS),
  fc.constantFrom(...RAW),
  fc.string({ maxLength: 8 }).map(encodeURIComponent),
);
// repeated keys are arrays to Next.js' searchParams
const queryString = fc
  .array(fc.tuple(key, value), { minLength: 1, maxLength: 5 })
  .map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join("&"));

// path segments that are not valid UTF-8 once decoded, or not a valid escape at all
const BAD_SEGMENTS = ["%E0%A4%A", "%FF", "%C0%AF", "%ED%A0%80", "%", "%zz", "%00", "..%2F..%2F", "%E4%BD"];
const badPaths = (t: Targets) => [
  ...BAD_SEGMENTS.flatMap((s) => [
    `/posts/${s}`,
    `/tag/${s}`,
    `/member/${s}`,
    `/category/${s}`,
    `/category/${s}/feed`,
    `/member/${s}/feed`,
    `/page/${s}`,
  ]),
  `/posts/${t.post}%E0%A4%A`,
  `/posts/${t.post}/qr.svg?x=%E0%A4%A`,
];

type Finding = { url: string; status: number; body: string };

async function probe(request: APIRequestContext, url: string): Promise<Finding | null> {
  const res = await request.get(url, { maxRedirects: 0, failOnStatusCode: false });
  const status = res.status();
  const body = status >= 400 ? await res.text() : "";
  if (status >= 500) return { url, status, body: body.slice(0, 200) };
  // a refusal says in Chinese what happened (any CJK ideograph; the pages are zh-CN)
  if (status >= 400 && !/[\u4e00-\u9fff]/.test(body)) return { url, status, body: body.slice(0, 200) };
  return null;
}

test.describe("query-parameter fuzz", () => {
  test.describe.configure({ timeout: 120_000 });

  test(`public GET routes: no 5xx, every 4xx in Chinese (seed ${SEED}, ${RUNS} runs)`, async ({
    request,
  }) => {
    console.log(`query fuzz: seed ${SEED}, ${RUNS} runs (FUZZ_SEED=${SEED} replays)`);
    const t = await targets();
    const all = routes(t);
    const findings: Finding[] = [];
    await fc
      .assert(
        fc.asyncProperty(fc.constantFrom(...all), queryString, async (route, qs) => {
          const finding = await probe(request, `${route}?${qs}`);
          if (finding) findings.push(finding);
          return finding === null;
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      )
      .catch((e: unknown) => {
        throw new Error(
          `${(e as Error).message.split("\n").slice(0, 4).join("\n")}\nfirst finding: ${JSON.stringify(findings[0])}`,
        );
      });
  });

  test("malformed UTF-8 and percent escapes in path segments: a 4xx in Chinese, never a 5xx", async ({
    request,
  }) => {
    const t = await targets();
    const findings: Finding[] = [];
    for (const url of badPaths(t)) {
      const finding = await probe(request, url);
      if (finding) findings.push(finding);
    }
    expect(findings).toEqual([]);
  });
});
