import "server-only";
import { z } from "zod";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/logger";
import { newPublicId } from "@/lib/public-id";
import { emailSchema, newPasswordSchema, safeText } from "@/lib/validation";

export const registerUserSchema = z.object({
  email: emailSchema,
  displayName: safeText(32, { min: 1 }),
  password: newPasswordSchema,
});
export type RegisterUserInput = z.input<typeof registerUserSchema>;

/**
 * "created" and "exists" must look the same to the visitor (the action shows "注册成功，请登录"
 * for both and never signs in), so registration cannot be used to test whether an email has an
 * account. Callers must not branch on it in anything the visitor sees; it exists for tests and logs.
 */
export type RegisterUserResult = { outcome: "created"; userId: string } | { outcome: "exists" };

const MAX_ID_ATTEMPTS = 5;

/**
 * Self-service registration of a READER. Anonymous by nature, so there is no actor; staff
 * accounts are created by admins through a separate use case.
 */
export async function registerUser(input: RegisterUserInput): Promise<RegisterUserResult> {
  const data = registerUserSchema.parse(input);
  // Hash before looking the email up, so both outcomes spend the same argon2 time.
  const passwordHash = await hashPassword(data.password);

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
  logger.info({ emailDomain: email.split("@")[1] }, "registration for an existing email (answered as success)");
  return { outcome: "exists" };
}
