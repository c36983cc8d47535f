import { createChallenge, solveChallenge, type Challenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/pbkdf2";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { createArticle, createUser } from "@/lib/test/factories";
import {
  PROOF_COST,
  PROOF_COUNTER_MAX,
  PROOF_COUNTER_MIN,
  createProofChallenge,
  proofRequired,
  verifyProof,
  type ProofBinding,
} from "./proof-of-work";

// integration runs have no AUTH_SECRET; give this file one (env() is parsed lazily, on first use)
process.env.AUTH_SECRET ??= "test-secret-for-proof-of-work-integration-0123456789";

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64");

/** What the widget posts: base64 JSON of the challenge and the solution found by brute force. */
async function solve(challenge: Challenge): Promise<{ payload: string; ms: number }> {
  const t = performance.now();
  const solution = await solveChallenge({ challenge, deriveKey });
  if (!solution) throw new Error("no solution within the timeout");
  return { payload: encode({ challenge, solution }), ms: performance.now() - t };
}

const decode = (payload: string) =>
  JSON.parse(Buffer.from(payload, "base64").toString("utf8")) as {
    challenge: Challenge;
    solution: { counter: number; derivedKey: string };
  };

let reader: ProofBinding;
let other: ProofBinding;
beforeAll(async () => {
  reader = { userId: (await createUser()).id, form: "comment" };
  other = { userId: (await createUser()).id, form: "comment" };
});
afterEach(() => {
  vi.useRealTimers();
});

describe("proofRequired", () => {
  const daysAgo = (d: number) => new Date(Date.now() - d * 24 * 3_600_000);

  it("asks new accounts and accounts without an approved comment, not trusted ones", async () => {
    const article = await createArticle({ status: "PUBLISHED" });
    const young = await createUser();
    const oldWithout = await createUser();
    const oldWith = await createUser();
    await db.user.updateMany({
      where: { id: { in: [oldWithout.id, oldWith.id] } },
      data: { createdAt: daysAgo(8) },
    });
    for (const [authorId, status] of [
      [young.id, "APPROVED"],
      [oldWithout.id, "PENDING"],
      [oldWithout.id, "REJECTED"],
      [oldWith.id, "APPROVED"],
    ] as const) {
      await db.comment.create({ data: { articleId: article.id, authorId, body: "评论", status } });
    }
    expect(await proofRequired(young.id)).toBe(true);
    expect(await proofRequired(oldWithout.id)).toBe(true);
    expect(await proofRequired(oldWith.id)).toBe(false);
    expect(await proofRequired("no-such-user")).toBe(true);
    // 7 days is the line: an account of 6 days with an approved comment still proves work
    await db.user.update({ where: { id: oldWith.id }, data: { createdAt: daysAgo(6) } });
    expect(await proofRequired(oldWith.id)).toBe(true);
  });
});

describe("createProofChallenge / verifyProof", () => {
  it("signs the binding and a 5-minute expiry into the challenge; prints the solve time", async () => {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const challenge = await createProofChallenge(reader);
      expect(challenge.parameters.data).toEqual({ uid: reader.userId, form: "comment" });
      expect(challenge.parameters.expiresAt! * 1000 - Date.now()).toBeGreaterThan(4.9 * 60_000);
      expect(challenge.parameters.expiresAt! * 1000 - Date.now()).toBeLessThanOrEqual(5 * 60_000);
      expect(challenge.signature).toMatch(/^[0-9a-f]{64}$/);
      const { payload, ms } = await solve(challenge);
      const { counter } = decode(payload).solution;
      expect(counter).toBeGreaterThanOrEqual(PROOF_COUNTER_MIN);
      expect(counter).toBeLessThanOrEqual(PROOF_COUNTER_MAX);
      times.push(ms);
      const t = performance.now();
      expect(await verifyProof(payload, reader)).toBe(true);
      times.push(-(performance.now() - t));
    }
    const solves = times.filter((x) => x > 0).map(Math.round);
    const verifies = times.filter((x) => x < 0).map((x) => Math.round(-x));
    console.log(
      `proof of work: Node solve ms (one thread, ${PROOF_COST} rounds × counter ${PROOF_COUNTER_MIN}-${PROOF_COUNTER_MAX}): ${solves.join(", ")}; verify + insert ms: ${verifies.join(", ")}`,
    );
  });

  it("is single use: 10 concurrent verifications of one payload give exactly one true", async () => {
    const { payload } = await solve(await createProofChallenge(reader));
    const results = await Promise.all(Array.from({ length: 10 }, () => verifyProof(payload, reader)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await verifyProof(payload, reader)).toBe(false);
  });

  it("refuses another account or form without spending the proof", async () => {
    const { payload } = await solve(await createProofChallenge(reader));
    expect(await verifyProof(payload, other)).toBe(false);
    expect(await verifyProof(payload, { ...reader, form: "register" as "comment" })).toBe(false);
    expect(await verifyProof(payload, reader)).toBe(true);
  });

  it("refuses a proof after 5 minutes", async () => {
    const { payload } = await solve(await createProofChallenge(reader));
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 5 * 60_000 + 1_000);
    expect(await verifyProof(payload, reader)).toBe(false);
  });

  it("refuses tampered challenges and solutions", async () => {
    const { payload } = await solve(await createProofChallenge(reader));
    const good = decode(payload);
    const tampered = [
      // moved to another account, signature kept
      {
        ...good,
        challenge: {
          ...good.challenge,
          parameters: { ...good.challenge.parameters, data: { uid: other.userId, form: "comment" } },
        },
      },
      // kept alive longer
      {
        ...good,
        challenge: {
          ...good.challenge,
          parameters: {
            ...good.challenge.parameters,
            expiresAt: good.challenge.parameters.expiresAt! + 3600,
          },
        },
      },
      // made easier
      {
        ...good,
        challenge: { ...good.challenge, parameters: { ...good.challenge.parameters, keyPrefix: "00" } },
      },
      // (the counter itself is not checked: the server verifies the derived key against the
      // key signature it made, and that key is the work)
      { ...good, solution: { ...good.solution, derivedKey: "00".repeat(32) } },
      { ...good, challenge: { ...good.challenge, signature: "0".repeat(64) } },
      { ...good, challenge: { parameters: good.challenge.parameters } },
    ];
    const bindings = [other, reader, reader, reader, reader, reader];
    for (const [i, t] of tampered.entries()) expect(await verifyProof(encode(t), bindings[i]!)).toBe(false);
    // none of them spent the real one
    expect(await verifyProof(payload, reader)).toBe(true);
  });

  it("refuses a challenge signed under another key", async () => {
    const foreign = await createChallenge({
      algorithm: "PBKDF2/SHA-256",
      cost: PROOF_COST,
      counter: 5,
      deriveKey,
      expiresAt: new Date(Date.now() + 60_000),
      data: { uid: reader.userId, form: "comment" },
      hmacSignatureSecret: "another secret",
      hmacKeySignatureSecret: "another key secret",
    });
    expect(await verifyProof((await solve(foreign)).payload, reader)).toBe(false);
  });

  it("answers false, never throws, for missing, garbage and oversized payloads", async () => {
    const { payload } = await solve(await createProofChallenge(reader));
    const garbage: (string | undefined)[] = [
      undefined,
      "",
      "not base64 at all!!",
      encode(null),
      encode([]),
      encode("x"),
      encode({ challenge: "x", solution: 1 }),
      encode({ algorithm: "SHA-256", challenge: "ab", number: 1, salt: "s", signature: "00" }),
      payload.slice(0, -40),
      payload + "A".repeat(5_000),
      "A".repeat(100_000),
      encode({ ...decode(payload), solution: { counter: -1, derivedKey: "zz" } }),
    ];
    for (const g of garbage) await expect(verifyProof(g, reader)).resolves.toBe(false);
    expect(await verifyProof(payload, reader)).toBe(true);
  });
});
