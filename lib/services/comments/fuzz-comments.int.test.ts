import fc from "fast-check";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { CommentList } from "@/app/(public)/posts/[publicId]/comment-list";
import { db } from "@/lib/db";
import { expectReadableRefusal, outcomeOf, refusalOf } from "@/lib/escape/fuzz-outcome";
import { hostileText, hostileUnit, storableHostileText } from "@/lib/escape/hostile-text";
import { dangerousAttributesOf, elementsOf, textOf } from "@/lib/feed/html-check";
import { listArticleComments } from "@/lib/services/public/list-article-comments";
import { createArticle, createUser } from "@/lib/test/factories";
import { newKey, reader } from "./comment-test-kit";
import { createComment, createCommentSchema } from "./create-comment";

/**
 * Fuzz of comment bodies against the real service and the real public rendering (issue 8):
 * every outcome is a stored comment or a readable refusal; what is stored is the trimmed text,
 * unchanged, and once approved it renders through CommentList as that text with no element,
 * attribute or URL of its own. Fixed seed and run count: CI replays the same cases.
 */
const SEED = 8_2026_12;
const RUNS = 200;

// What CommentList itself writes around a comment; a body must add nothing to it.
const LIST_ELEMENTS = new Set(["ol", "li", "div", "a", "span", "time", "p"]);

const bodies = fc.oneof(
  { weight: 6, arbitrary: storableHostileText(60) },
  { weight: 2, arbitrary: hostileText(60) },
  { weight: 1, arbitrary: fc.constantFrom("", " ", "\n\t ", "a", "  好 ") },
  // around the 2,000-character limit
  { weight: 1, arbitrary: fc.string({ unit: hostileUnit, minLength: 1_950, maxLength: 2_050 }) },
  // what only a crafted request sends
  {
    weight: 1,
    arbitrary: fc.oneof(
      fc.integer(),
      fc.constant(null),
      fc.array(fc.string(), { maxLength: 2 }),
      fc.object({ maxDepth: 1 }),
    ),
  },
);
const parentIds = fc.oneof(
  { weight: 6, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.constant("") },
  { weight: 2, arbitrary: fc.constant("approved") },
  { weight: 1, arbitrary: hostileText(20) },
);

let article: Awaited<ReturnType<typeof createArticle>>;
let approvedId: string;
beforeAll(async () => {
  article = await createArticle();
  const u = await createUser();
  approvedId = (
    await db.comment.create({
      data: { articleId: article.id, authorId: u.id, body: "顶层", status: "APPROVED" },
    })
  ).id;
});

// one established reader per case: the flood limits (one comment per 15 s) and the proof of
// work for new accounts are not what this suite tests
const freshActor = () => reader();
let caseNo = 0;
const nextIp = () => `198.18.${Math.floor(caseNo / 250)}.${caseNo++ % 250}`;

describe(`comment bodies (fast-check seed ${SEED}, ${RUNS} runs)`, () => {
  it("are stored as sent or refused readably, and render as plain text", async () => {
    let stored = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(bodies, parentIds, async (body, parent) => {
        const parentId = parent === "approved" ? approvedId : parent;
        const me = await freshActor();
        const r = await outcomeOf(() =>
          createComment(
            me,
            { publicId: article.publicId, body, parentId, idempotencyKey: newKey() } as never,
            {
              ip: nextIp(),
              userAgent: "fuzz",
            },
          ),
        );
        if (!r.ok) {
          refused++;
          expectReadableRefusal(r.error, ["body"]);
          expect(await db.comment.count({ where: { authorId: me.id, articleId: article.id } })).toBe(0);
          return;
        }
        stored++;
        const row = await db.comment.findUniqueOrThrow({ where: { id: r.value.id } });
        expect(typeof body).toBe("string");
        expect(row.body).toBe((body as string).trim());
        // normalising is idempotent: sending the stored text again stores it unchanged
        expect(
          createCommentSchema.parse({ publicId: article.publicId, body: row.body, idempotencyKey: newKey() })
            .body,
        ).toBe(row.body);

        await db.comment.update({ where: { id: row.id }, data: { status: "APPROVED" } });
        const { threads } = await listArticleComments(article.id, "newest");
        const html = renderToStaticMarkup(createElement(CommentList, { threads }));
        expect(elementsOf(html).filter((e) => !LIST_ELEMENTS.has(e))).toEqual([]);
        expect(dangerousAttributesOf(html)).toEqual([]);
        const mine = renderToStaticMarkup(
          createElement(CommentList, {
            threads: threads
              .flatMap((t) => [t, ...t.replies])
              .filter((c) => c.id === row.id)
              .map((c) => ({ ...c, replies: [] })),
          }),
        );
        expect(elementsOf(mine)).toEqual(["ol", "li", "div", "div", "a", "time", "p"]);
        expect(textOf(mine)).toContain(row.body);
        // out of the list again, so every case's comment is on the first page (20 threads)
        await db.comment.update({ where: { id: row.id }, data: { status: "REJECTED" } });
      }),
      { seed: SEED, numRuns: RUNS },
    );
    console.info(`fuzz-comments: seed ${SEED}, ${RUNS} runs: ${stored} stored, ${refused} refused`);
    // both paths were exercised (the figures are fixed by the seed)
    expect(stored).toBeGreaterThanOrEqual(50);
    expect(refused).toBeGreaterThanOrEqual(20);
  }, 180_000);

  // The case the suite found (seed above, run 123): parentId is not a safe-text field, so a NUL
  // reached PostgreSQL ("invalid byte sequence for encoding UTF8: 0x00") and answered 500.
  it("refuses a parentId carrying NUL or a lone surrogate with a 4xx, storing nothing", async () => {
    for (const parentId of ["\u0000", `${approvedId.slice(0, 10)}\u0000`, "\ud800"]) {
      const me = await freshActor();
      expectReadableRefusal(
        await refusalOf(() =>
          createComment(me, {
            publicId: article.publicId,
            body: "回复内容",
            parentId,
            idempotencyKey: newKey(),
          }),
        ),
        ["parentId"],
      );
      expect(await db.comment.count({ where: { authorId: me.id, articleId: article.id } })).toBe(0);
    }
  });
});
