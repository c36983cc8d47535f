import "server-only";
import { assertCan, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";

export type TokenListItem = {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  lastUsedIp: string | null;
  createdBy: string | null;
};

const MAX_LISTED = 200;

/** API 令牌 list (admins), newest first. Never the secret: only its first characters. */
export async function listApiTokens(actor: Actor | null): Promise<TokenListItem[]> {
  assertCan(actor, "integration.manage");
  const rows = await db.apiToken.findMany({
    orderBy: { createdAt: "desc" },
    take: MAX_LISTED,
    select: {
      id: true,
      name: true,
      prefix: true,
      scopes: true,
      createdAt: true,
      expiresAt: true,
      revokedAt: true,
      lastUsedAt: true,
      lastUsedIp: true,
      createdBy: { select: { profile: { select: { displayName: true } } } },
    },
  });
  return rows.map(({ createdBy, ...r }) => ({ ...r, createdBy: createdBy?.profile?.displayName ?? null }));
}
