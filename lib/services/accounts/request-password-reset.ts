import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { logger } from "@/lib/logger";
import { sendMail } from "@/lib/mail/send-mail";
import { audit } from "@/lib/audit";
import { type RateLimiter, sharedLimiter, secondsUntil } from "@/lib/security/rate-limit";
import { LIMITS, rateLimitedError } from "@/lib/security/rate-limit-rules";
import { absoluteUrl } from "@/lib/site-url";
import { emailSchema } from "@/lib/validation";
import { accountKey, spendIpAuthRequest } from "./login-guard";
import { newResetToken, RESET_TOKEN_TTL_MS } from "./password-reset-token";

const requestPasswordResetSchema = z.strictObject({ email: emailSchema });

export type ResetRequestContext = { ip: string | null; limiter?: RateLimiter };

/**
 * "Forgot password". Answers the same whether or not the address has an account: the limits
 * count the submitted address either way, and both paths do the same awaited work (limits, one
 * primary-key lookup); the token is stored and mailed in the background, so the response time
 * does not depend on it (scripts/bench-enumeration.mjs measures it). `delivery` is for tests;
 * callers must not await it.
 */
export async function requestPasswordReset(
  input: unknown,
  ctx: ResetRequestContext,
): Promise<{ delivery: Promise<void> }> {
  const { email } = requestPasswordResetSchema.parse(input);
  const limiter = ctx.limiter ?? sharedLimiter();
  const now = limiter.now();
  const ip = (ctx.ip ?? "unknown").slice(0, 64);

  const ipWait = await spendIpAuthRequest({ ip: ctx.ip, limiter });
  if (ipWait) throw rateLimitedError(ipWait, "请求过于频繁");
  const byIp = await limiter.hit(`reset:ip:${ip}`, LIMITS.resetIp);
  if (byIp.points > LIMITS.resetIp.limit)
    throw rateLimitedError(secondsUntil(byIp.resetAt, now), "重置请求过于频繁");
  const byAccount = await limiter.hit(`reset:account:${accountKey(email)}`, LIMITS.resetAccount);
  if (byAccount.points > LIMITS.resetAccount.limit)
    throw rateLimitedError(secondsUntil(byAccount.resetAt, now), "重置请求过于频繁");

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, status: true, isIntegration: true },
  });
  // an API token's integration user has no password to reset: a link would make it a login
  if (!user || user.status !== "ACTIVE" || user.isIntegration) {
    logger.info(
      { emailDomain: email.split("@")[1] },
      "password reset for an unknown or inactive address (answered as sent)",
    );
    return { delivery: Promise.resolve() };
  }

  // Not awaited: the token row, the audit entry and the mail are written after the answer, so a
  // known address answers exactly as fast as an unknown one (issue 8, finding 6: awaiting this
  // transaction made known addresses measurably slower). Failures are logged, never shown.
  const delivery = issueResetLink(user.id, email, now).catch((err: unknown) =>
    logger.error({ err }, "password reset link failed"),
  );
  return { delivery };
}

async function issueResetLink(userId: string, email: string, now: number): Promise<void> {
  const { token, tokenHash } = newResetToken();
  await db.$transaction(async (tx) => {
    await tx.passwordResetToken.create({
      data: { userId, tokenHash, expiresAt: new Date(now + RESET_TOKEN_TTL_MS) },
    });
    await audit(tx, {
      actorId: userId,
      action: "account.passwordResetRequested",
      targetType: "user",
      targetId: userId,
    });
  });
  const link = absoluteUrl(`/reset-password?token=${token}`);
  await sendMail({
    to: email,
    subject: "重置你的署名 Byline 密码",
    text: [
      "你好：",
      "",
      "我们收到了重置你在署名 Byline 的账号密码的请求。请在 30 分钟内打开下面的链接设置新密码（链接只能使用一次）：",
      "",
      link,
      "",
      "设置新密码后，你在所有设备上的登录都会退出。",
      "如果这不是你本人的操作，请忽略这封邮件，你的密码不会改变。",
      "",
      "署名 Byline 编辑部",
    ].join("\n"),
  });
}
