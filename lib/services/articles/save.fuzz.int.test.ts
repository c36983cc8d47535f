import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import type { Actor } from "@/lib/authz";
import { anyDoc, hostileString, validDoc } from "@/lib/content/fuzz/arbitraries";
import { renderArticle } from "@/lib/content/render";
import { db } from "@/lib/db";
import { AppError, statusOf, toActionError } from "@/lib/errors";
import { createCategory } from "@/lib/test/factories";
import { createArticle } from "./create-article";
import { createActor, doc } from "./test-helpers";
import { updateArticle } from "./update-article";

// fixed seed and run count (FUZZ_SEED / FUZZ_RUNS to explore further)
const seed = Number(process.env.FUZZ_SEED ?? 20261201);
const numRuns = Number(process.env.FUZZ_RUNS ?? 40);
console.info(`save-path fuzz: seed ${seed}, ${numRuns} runs per property`);

const CJK = /[\u4e00-\u9fff]/;
const media = `/media/ab/${"0".repeat(64)}.webp`;
const safe = (max: number) =>
  fc.oneof(
    fc.string({ unit: "grapheme", minLength: 1, maxLength: max }),
    fc.constantFrom("<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "javascript:alert(1)"),
  );
/** What the editor sends: every field within its rule (markup included, which must come out escaped). */
const validInput = fc.record(
  {
    title: safe(40),
    lede: safe(80),
    body: validDoc,
    coverUrl: fc.constantFrom(media, null, ""),
    coverAlt: safe(40),
    tags: fc.array(fc.stringMatching(/^[a-z\u4e00-\u4e20]{1,8}$/), { maxLength: 3 }),
  },
  { requiredKeys: ["title", "body"] },
);
const field = fc.oneof(fc.string({ maxLength: 40 }), hostileString);
/** What an attacker sends: hostile text, numbers and shapes in every field. */
const hostileInput = fc.record(
  {
    title: fc.oneof(fc.string({ minLength: 1, maxLength: 40 }), hostileString),
    lede: field,
    body: anyDoc,
    coverUrl: fc.oneof(fc.constant(media), fc.constant(null), fc.webUrl(), hostileString),
    coverAlt: field,
    tags: fc.array(field, { maxLength: 3 }),
  },
  { requiredKeys: ["title", "body"] },
);
const input = fc.oneof(validInput, hostileInput);

/** A refusal as the action wrapper would answer it: a 4xx whose every message is zh-CN. */
function expectRefusal(e: unknown) {
  if (!(e instanceof AppError || e instanceof ZodError)) throw e; // anything else would be a 500
  expect(statusOf(e)).toBeGreaterThanOrEqual(400);
  expect(statusOf(e)).toBeLessThan(500);
  const { message, fieldErrors } = toActionError(e);
  for (const m of [message, ...Object.values(fieldErrors ?? {}).flat()]) expect(m).toMatch(CJK);
}

const outcomes = { saved: 0, refused: 0 };

const snapshot = (id: string) =>
  db.article.findUniqueOrThrow({
    where: { id },
    select: {
      version: true,
      title: true,
      lede: true,
      coverUrl: true,
      bodyJson: true,
      bodyHtml: true,
      bodyText: true,
      _count: { select: { revisions: true, tags: true } },
    },
  });

describe("the save path under fuzzed input (createArticle, updateArticle against PostgreSQL)", () => {
  let actor: Actor;
  let categoryId: number;
  beforeAll(async () => {
    actor = await createActor("CONTRIBUTOR");
    categoryId = (await createCategory()).id;
  });

  it("createArticle: stored and rendered consistently, or refused with zh-CN and nothing written", async () => {
    await fc.assert(
      fc.asyncProperty(input, async (data) => {
        const before = await db.article.count({ where: { authorId: actor.id } });
        try {
          const created = await createArticle(actor, { ...data, categoryId });
          const row = await db.article.findUniqueOrThrow({
            where: { id: created.id },
            include: { _count: { select: { revisions: true } } },
          });
          expect(row.bodyHtml).toBe(renderArticle(row.bodyJson as never).html);
          expect(row._count.revisions).toBe(1);
          outcomes.saved++;
        } catch (e) {
          expectRefusal(e);
          outcomes.refused++;
          expect(await db.article.count({ where: { authorId: actor.id } })).toBe(before);
        }
      }),
      { seed, numRuns },
    );
  }, 120_000);

  it("updateArticle: a new version rendered consistently, or refused with zh-CN and the row untouched", async () => {
    const { id } = await createArticle(actor, { title: "模糊测试草稿", categoryId, body: doc("初始正文") });
    await fc.assert(
      fc.asyncProperty(input, async (data) => {
        const before = await snapshot(id);
        try {
          const saved = await updateArticle(actor, { ...data, id, version: before.version });
          const after = await snapshot(id);
          expect(saved.version).toBe(before.version + 1);
          expect(after._count.revisions).toBe(before._count.revisions + 1);
          expect(after.bodyHtml).toBe(renderArticle(after.bodyJson as never).html);
          outcomes.saved++;
        } catch (e) {
          expectRefusal(e);
          outcomes.refused++;
          expect(await snapshot(id)).toEqual(before);
        }
      }),
      { seed, numRuns },
    );
    // both paths ran: the generators reach the database, not only the validators
    console.info(`save-path fuzz outcomes: ${JSON.stringify(outcomes)}`);
    expect(outcomes.saved).toBeGreaterThan(0);
    expect(outcomes.refused).toBeGreaterThan(0);
  }, 120_000);

  const table = (attrs: object) => ({
    type: "doc",
    content: [
      {
        type: "table",
        content: [
          { type: "tableRow", content: [{ type: "tableCell", attrs, content: [{ type: "paragraph" }] }] },
        ],
      },
    ],
  });
  const regressions: [string, object][] = [
    ["NUL in body text", { body: doc("a\u0000b") }],
    ["a lone surrogate in body text", { body: doc("x\uD800") }],
    ["a control character in body text", { body: doc("x\u001b[31m") }],
    ["an external cover image", { coverUrl: "https://example.com/cover.png" }],
    [
      "an external figure",
      {
        body: {
          type: "doc",
          content: [{ type: "figure", attrs: { src: "https://example.com/a.png", alt: "图" } }],
        },
      },
    ],
    ["the colspan bomb", { body: table({ colspan: 2_000_000_000 }) }], // on the old code this one never returns
  ];
  it.each(regressions)("regression: %s is refused as a 400 and nothing is written", async (name, change) => {
    const { id } = await createArticle(actor, { title: "回归用例", categoryId, body: doc("正文") });
    const before = await snapshot(id);
    const e = await updateArticle(actor, { id, version: before.version, ...change }).then(
      () => new Error(`${name} was saved`),
      (err: unknown) => err,
    );
    expect(statusOf(e)).toBe(400);
    expectRefusal(e);
    expect(await snapshot(id)).toEqual(before);
  });
});
