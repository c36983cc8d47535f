import { decode } from "next-auth/jwt";
import { ROLES } from "@/lib/authz";
import type { Role } from "@/lib/generated/prisma/enums";
import { authCookies } from "./cookie-names";

type CookieReader = { get(name: string): { value: string } | undefined };

/**
 * The role a session cookie claims, for proxy.ts: decrypted with AUTH_SECRET, no database. It
 * decides only the status of a refusal (a real 404 before rendering); it is never a permission,
 * since the token may be revoked or stale, which the pages and services check against the
 * database. null when there is no cookie, it does not decrypt, or it is split into chunks.
 */
export async function tokenRole(
  cookies: CookieReader,
  siteUrl: string,
  secret: string | undefined,
): Promise<Role | null> {
  if (!secret) return null;
  const name = authCookies(siteUrl).sessionToken.name;
  const value = cookies.get(name)?.value;
  if (!value) return null;
  try {
    const token = await decode({ token: value, secret, salt: name });
    const role = token?.role;
    return typeof role === "string" && (ROLES as readonly string[]).includes(role) ? (role as Role) : null;
  } catch {
    return null;
  }
}
