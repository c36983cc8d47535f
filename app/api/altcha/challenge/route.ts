import { connection } from "next/server";
import { z } from "zod";
import { createProofChallenge } from "@/lib/security/proof-of-work";
import { secondsUntil, sharedLimiter, type WindowRule } from "@/lib/security/rate-limit";
import { rateLimitedError } from "@/lib/security/rate-limit-rules";
import { secureRoute } from "@/lib/security/route";

/** a widget asks once per attempt (and again after 5 minutes); 30 a minute is far above a reader */
const CHALLENGE_RULE = { limit: 30, windowMs: 60_000 } satisfies WindowRule;
const querySchema = z.strictObject({ form: z.literal("comment") });

/**
 * GET /api/altcha/challenge?form=comment → a signed ALTCHA challenge (`{ parameters, signature }`,
 * what the widget fetches) bound to the signed-in account and the form. Signed out: 401. Never
 * cached: each one is single use and names its account.
 */
export const GET = secureRoute(
  { name: "altcha.challenge", auth: "user", permission: "comment.create" },
  async (_body, { req, actor }) => {
    await connection();
    const { form } = querySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
    const limiter = sharedLimiter();
    const { points, resetAt } = await limiter.hit(`altcha:${actor.id}`, CHALLENGE_RULE);
    if (points > CHALLENGE_RULE.limit)
      throw rateLimitedError(secondsUntil(resetAt, limiter.now()), "获取人机验证题目太频繁了");
    return createProofChallenge({ userId: actor.id, form });
  },
);
