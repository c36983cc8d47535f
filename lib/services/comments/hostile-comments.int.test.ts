import { createChallenge, solveChallenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/pbkdf2";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { toActionError } from "@/lib/errors";
import { createProofChallenge } from "@/lib/security/proof-of-work";
import { createArticle, createUser } from "@/lib/test/factories";
import { UNSAFE_TEXT_MESSAGE } from "@/lib/validation";
import {
  asActor,
  clearCommentLimits,
  newKey,
  reader,
  resetCommentSettings,
  setCommentSettings,
} from "./comment-test-kit";
import { COMMENT_TOO_LONG_MESSAGE } from "./comment-input";
import { createComment } from "./create-comment";

// integration runs have no AUTH_SECRET; the proof of work needs one (env() is parsed lazily)
process.env.AUTH_SECRET ??= "test-secret-for-comment-integration-0123456789abcdef";

afterEach(resetCommentSettings);

const refusal = async (p: Promise<unknown>) =>
  toActionError(
    await p.then(
      () => null,
      (e: unknown) => e,
    ),
  );

describe("hostile comment text", () => {
  it.each([
    ["HTML", '<b>粗体</b><img src=x onerror="alert(1)">'],
    ["a script tag", "<script>alert(document.cookie)</script>"],
    ["a javascript: URL", "javascript:alert(1)// 点我"],
    ["an RTL override", "\u202E这段文字会反着显示\u202C，后面正常"],
    ["a zero-width joiner and an emoji sequence", "👩\u200D💻 安全研究员"],
  ])("stores %s exactly as written", async (_, body) => {
    const me = await reader();
    const a = await createArticle();
    const r = await createComment(me, { publicId: a.publicId, body, idempotencyKey: newKey() });
    expect((await db.comment.findUniqueOrThrow({ where: { id: r.id } })).body).toBe(body);
  });

  it.each([
    ["NUL", "前面\u0000后面", UNSAFE_TEXT_MESSAGE],
    ["a lone high surrogate", "表情\uD83D坏了", UNSAFE_TEXT_MESSAGE],
    ["a lone low surrogate", "\uDE00开头", UNSAFE_TEXT_MESSAGE],
    ["10,000 characters", "长".repeat(10_000), COMMENT_TOO_LONG_MESSAGE],
  ])("refuses %s with a message on the field, storing nothing", async (_, body, message) => {
    const me = await reader();
    const a = await createArticle();
    const shown = await refusal(createComment(me, { publicId: a.publicId, body, idempotencyKey: newKey() }));
    expect(shown).toMatchObject({ code: "INVALID", fieldErrors: { body: [message] } });
    expect(await db.comment.count({ where: { articleId: a.id } })).toBe(0);
  });
});

describe("proof of work through the service", () => {
  it("asks a new reader for a proof, takes a solved one once, and answers a replay without a new one", async () => {
    await setCommentSettings({ mode: "trusted" });
    const me = asActor(await createUser());
    const a = await createArticle();
    const input = { publicId: a.publicId, body: "新读者的第一条评论", idempotencyKey: newKey() };
    expect(await refusal(createComment(me, input))).toMatchObject({
      code: "INVALID",
      message: "人机验证未通过或已过期，请重新验证后再发表。",
      fieldErrors: { altcha: ["人机验证未通过或已过期，请重新验证后再发表。"] },
    });
    // a challenge the site did not make (another key, another cost) does not count
    const foreign = await createChallenge({
      algorithm: "PBKDF2/SHA-256",
      cost: 1,
      counter: 1,
      deriveKey,
      data: { uid: me.id, form: "comment" },
      hmacSignatureSecret: "not-our-key",
    });
    const foreignSolution = await solveChallenge({ challenge: foreign, deriveKey });
    const forged = Buffer.from(JSON.stringify({ challenge: foreign, solution: foreignSolution })).toString(
      "base64",
    );
    expect(await refusal(createComment(me, { ...input, altcha: forged }))).toMatchObject({ code: "INVALID" });

    const challenge = await createProofChallenge({ userId: me.id, form: "comment" });
    const solution = await solveChallenge({ challenge, deriveKey });
    const altcha = Buffer.from(JSON.stringify({ challenge, solution })).toString("base64");
    const r = await createComment(me, { ...input, altcha });
    // younger than 24 hours: held as a new account even in trusted mode
    expect(r).toMatchObject({ status: "PENDING", heldBy: "new_account", duplicate: false });
    // the replay needs no proof and spends nothing
    expect(await createComment(me, input)).toEqual({ ...r, duplicate: true });
    // the same proof does not post a second comment
    await clearCommentLimits(me.id);
    expect(
      await refusal(createComment(me, { ...input, body: "第二条", idempotencyKey: newKey(), altcha })),
    ).toMatchObject({ code: "INVALID", fieldErrors: { altcha: expect.any(Array) } });
    expect(await db.comment.count({ where: { authorId: me.id } })).toBe(1);
  }, 60_000);
});
