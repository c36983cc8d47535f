import "server-only";
import type { Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { TokenScope } from "./scopes";
import { hashTokenSecret, looksLikeTokenSecret } from "./token-secret";

export type TokenPrincipal = { tokenId: string; actor: Actor; scopes: ReadonlySet<TokenScope> };

/** How stale lastUsedAt may get: one write a minute per token, not one per request. */
const LAST_USED_EVERY_MS = 60_000;

const refused = (message: string) => new AppError("UNAUTHENTICATED", message);

/**
 * `Authorization: Bearer byl_…` → the token's integration user and scopes. Every request reads
 * the row, so a revocation or an expiry applies to the very next request. Unknown, malformed,
 * revoked and expired tokens are all 401, each with a message that says which.
 */
export async function authenticateToken(
  authorization: string | null,
  ip: string | null,
  now: Date = new Date(),
): Promise<TokenPrincipal> {
  const match = /^Bearer ([^\s]+)$/i.exec(authorization?.trim() ?? "");
  if (!match) throw refused("缺少 API 令牌：请在 Authorization 头中发送 “Bearer <令牌>”。");
  const secret = match[1]!;
  if (!looksLikeTokenSecret(secret)) throw refused("API 令牌无效。");
  const token = await db.apiToken.findUnique({
    where: { tokenHash: hashTokenSecret(secret) },
    select: {
      id: true,
      scopes: true,
      expiresAt: true,
      revokedAt: true,
      lastUsedAt: true,
      user: {
        select: {
          id: true,
          role: true,
          status: true,
          isIntegration: true,
          profile: { select: { displayName: true, publicId: true } },
        },
      },
    },
  });
  if (!token) throw refused("API 令牌无效。");
  if (token.revokedAt) throw refused("这个 API 令牌已被撤销。");
  if (token.expiresAt && token.expiresAt <= now) throw refused("这个 API 令牌已过期。");
  const { user } = token;
  if (!user.isIntegration || !user.profile || user.status !== "ACTIVE")
    throw refused("这个 API 令牌的集成账号已停用。");
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > LAST_USED_EVERY_MS) {
    await db.apiToken.update({
      where: { id: token.id },
      data: { lastUsedAt: now, lastUsedIp: ip?.slice(0, 64) ?? null },
    });
  }
  return {
    tokenId: token.id,
    actor: {
      id: user.id,
      // always an editor: a role changed by hand in 用户管理 must not widen what a token may do
      role: "EDITOR",
      status: user.status,
      displayName: user.profile.displayName,
      publicId: user.profile.publicId,
    },
    scopes: new Set(token.scopes as TokenScope[]),
  };
}
