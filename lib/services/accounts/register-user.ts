import "server-only";
import { z } from "zod";
import { hashPassword } from "@/lib/auth/crypto/password";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/logger";
import { newPublicId } from "@/lib/public-id";
import { type RateLimiter, sharedLimiter, secondsUntil } from "@/lib/security/rate-limit";
import { LIMITS, rateLimitedError } from "@/lib/security/rate-limit-rules";
import { AppError } from "@/lib/errors";
import { isRegistrationOpen } from "../settings/is-registration-open";
import { emailSchema, newPasswordSchema, safeText } from "@/lib/validation";
import { assertNewPassword } from "./assert-new-password";
import { spendIpAuthRequest } from "./login-guard";

const registerUserSchema = z.object({
  email: emailSchema,
  displayName: safeText(32, { min: 1 }),
  password: newPasswordSchema,
});
export type RegisterUserInput = z.input<typeof registerUserSchema>;

/**
 * "created" and "exists" must look the same to the visitor (the action shows "注册成功，请登录"
 * for both and never signs in), by message and by timing, so registration cannot be used to test
 * whether an email has an account. Callers must not branch on it in anything the visitor sees; it
 * exists for tests and logs.
 */
export type RegisterUserResult = { outcome: "created"; userId: string } | { outcome: "exists" };

const MAX_ID_ATTEMPTS = 5;

/** What /register shows and a registration is refused with while 站点设置 关闭注册 is on. */
export const REGISTRATION_CLOSED_MESSAGE = "本站暂停开放注册，已有账号可以照常登录。开放注册后再来看看吧。";

/** Where the request comes from: registrations are limited to 5 an hour per IP. */
export type RegisterContext = { ip: string | null; limiter?: RateLimiter };

/** A checked registration whose write has not happened yet: see prepareRegistration. */
export type PreparedRegistration = { complete: () => Promise<RegisterUserResult> };

/**
 * Self-service registration of a READER, in two steps so the visitor's answer cannot depend on
 * whether the email is taken (issue 8, finding 6). prepareRegistration does everything that may
 * refuse the request (schema, password policy, limits) and the argon2 hash; none of it looks at
 * the email's existence. complete() looks it up and writes, and the action runs it after the
 * answer (next/server after()): creating an account (three inserts) took measurably longer than
 * finding the address taken, an oracle even with identical messages. Anonymous by nature, so
 * there is no actor; staff accounts are created by admins through a separate use case.
 */
export async function prepareRegistration(
  input: RegisterUserInput | Record<string, unknown>,
  ctx: RegisterContext,
): Promise<PreparedRegistration> {
  // closed registration refuses every request, a direct POST included (read uncached)
  if (!(await isRegistrationOpen())) throw new AppError("FORBIDDEN", REGISTRATION_CLOSED_MESSAGE);
  const data = registerUserSchema.parse(input);
  // the policy and the limits depend only on what was typed and where from, never on whether
  // the email exists, so both outcomes are refused or accepted alike
  await assertNewPassword(data.password, { role: "READER", email: data.email });
  const limiter = ctx.limiter ?? sharedLimiter();
  const ipWait = await spendIpAuthRequest({ ip: ctx.ip, limiter });
  if (ipWait) throw rateLimitedError(ipWait, "请求过于频繁");
  const byIp = await limiter.hit(`register:ip:${(ctx.ip ?? "unknown").slice(0, 64)}`, LIMITS.registerIp);
  if (byIp.points > LIMITS.registerIp.limit)
    throw rateLimitedError(secondsUntil(byIp.resetAt, limiter.now()), "注册过于频繁");
  const passwordHash = await hashPassword(data.password);
  return { complete: () => createAccount(data, passwordHash) };
}

/** Both steps at once, for tests and scripts; the action runs complete() after answering. */
export async function registerUser(
  input: RegisterUserInput | Record<string, unknown>,
  ctx: RegisterContext,
): Promise<RegisterUserResult> {
  return (await prepareRegistration(input, ctx)).complete();
}

async function createAccount(
  data: z.output<typeof registerUserSchema>,
  passwordHash: string,
): Promise<RegisterUserResult> {
  if (await emailTaken(data.email)) return exists(data.email);

  for (let attempt = 1; attempt <= MAX_ID_ATTEMPTS; attempt++) {
    try {
      const user = await db.user.create({
        data: {
          email: data.email,
          passwordHash,
          role: "READER",
          profile: { create: { publicId: newPublicId(), displayName: data.displayName } },
          auditLogs: { create: { action: "account.register", targetType: "user" } },
        },
        select: { id: true },
      });
      return { outcome: "created", userId: user.id };
    } catch (e) {
      if (!(e instanceof Prisma.PrismaClientKnownRequestError) || e.code !== "P2002") throw e;
      // A unique conflict is either a concurrent registration of the same email or a publicId
      // collision; the second is retried with a fresh id.
      if (await emailTaken(data.email)) return exists(data.email);
    }
  }
  throw new Error("registerUser: could not find a free publicId");
}

async function emailTaken(email: string): Promise<boolean> {
  return (await db.user.count({ where: { email } })) > 0;
}

function exists(email: string): RegisterUserResult {
  // Logged for abuse investigation; the email is not logged in full.
  logger.info(
    { emailDomain: email.split("@")[1] },
    "registration for an existing email (answered as success)",
  );
  return { outcome: "exists" };
}
