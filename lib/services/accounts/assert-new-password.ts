import "server-only";
import { passwordProblems } from "@/lib/auth/password-policy";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";

async function siteName(): Promise<string | null> {
  const row = await db.siteSetting.findUnique({ where: { key: "site.name" }, select: { value: true } });
  return typeof row?.value === "string" ? row.value : null;
}

/** Applies lib/auth/password-policy.ts for register, change and reset; the error names the form field. */
export async function assertNewPassword(
  password: string,
  who: { role: Role; email: string },
  field = "password",
): Promise<void> {
  const problems = passwordProblems(password, { ...who, siteName: await siteName() });
  if (problems.length) throw new AppError("INVALID", problems[0], { fieldErrors: { [field]: problems } });
}
