import "server-only";
import { z } from "zod";
import { audit } from "@/lib/audit";
import { assertCan, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { newPublicId } from "@/lib/public-id";
import { safeText } from "@/lib/validation";
import { scopeSchema } from "./scopes";
import { newTokenSecret } from "./token-secret";

const MAX_TOKEN_DAYS = 3650;

export const createTokenSchema = z.strictObject({
  name: safeText(80, { min: 1 }),
  // checkboxes send one value or several
  scopes: z
    .union([scopeSchema, z.array(scopeSchema).max(10, "权限范围太多。")], {
      error: "请至少选择一个权限范围。",
    })
    .transform((s) => [...new Set(Array.isArray(s) ? s : [s])].sort())
    .refine((s) => s.length > 0, "请至少选择一个权限范围。"),
  /** days until it stops working; absent or null: until revoked */
  // a form's "永不过期" sends ""
  expiresInDays: z
    .union([z.literal(""), z.coerce.number({ error: "有效期必须是天数。" })])
    .transform((v) => (v === "" ? null : v))
    .pipe(
      z
        .number()
        .int("有效期必须是整天数。")
        .min(1, "有效期至少 1 天。")
        .max(MAX_TOKEN_DAYS, `有效期最长 ${MAX_TOKEN_DAYS} 天。`)
        .nullable(),
    )
    .nullish(),
});

export type CreatedToken = { id: string; secret: string; prefix: string };

/** The integration user's name on bylines and in the audit log (profile names hold 32 characters). */
const integrationName = (name: string) => `集成·${name}`.slice(0, 32);

/**
 * 新建 API 令牌 (admins). The token acts as an integration user of its own, made here: an EDITOR
 * with no usable password (it can never sign in) and `isIntegration`, so the audit log, article
 * authorship and every authorization decision name the integration, not the admin who made it.
 * The secret is returned once; only its hash is stored.
 */
export async function createApiToken(actor: Actor | null, input: unknown): Promise<CreatedToken> {
  assertCan(actor, "integration.manage");
  const data = createTokenSchema.parse(input);
  const { secret, prefix, hash } = newTokenSecret();
  const expiresAt = data.expiresInDays ? new Date(Date.now() + data.expiresInDays * 86_400_000) : null;
  const id = await db.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: {
        email: `token-${newPublicId(12).toLowerCase()}@integrations.invalid`,
        // not an argon2 hash: every password check fails on it (lib/auth/crypto/password.ts)
        passwordHash: "!",
        role: "EDITOR",
        isIntegration: true,
        profile: { create: { publicId: newPublicId(), displayName: integrationName(data.name) } },
      },
      select: { id: true },
    });
    const token = await tx.apiToken.create({
      data: {
        name: data.name,
        prefix,
        tokenHash: hash,
        scopes: data.scopes,
        expiresAt,
        createdById: actor!.id,
        userId: user.id,
      },
      select: { id: true },
    });
    await audit(tx, {
      actorId: actor!.id,
      action: "token.create",
      targetType: "api_token",
      targetId: token.id,
      meta: { name: data.name, scopes: data.scopes, expiresAt: expiresAt?.toISOString() ?? null },
    });
    return token.id;
  });
  return { id, secret, prefix };
}
