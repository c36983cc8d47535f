import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/logger";
import { redirectablePath, redirectLocation } from "./paths";

const LIVE = {
  tag: (slug: string) => Prisma.sql`SELECT 1 FROM tags WHERE slug = ${slug}`,
  category: (slug: string) => Prisma.sql`SELECT 1 FROM categories WHERE slug = ${slug}`,
};

/**
 * For proxy.ts: where an old /tag/… or /category/… URL moved (the path to answer 301 with), or
 * null. Other paths cost a regex and no query. One statement: the primary-key lookup, and only
 * when no live tag or category holds that slug again (created since, by an editor adding a tag
 * to an article or an admin's new category: a live page always wins over an old redirect).
 */
export async function findRedirect(pathname: string, search: string): Promise<string | null> {
  const p = redirectablePath(pathname);
  if (!p) return null;
  let to: string | undefined;
  try {
    const rows = await db.$queryRaw<{ toPath: string }[]>`
      SELECT r."toPath" FROM redirects r
      WHERE r."fromPath" = ${p.key} AND NOT EXISTS (${LIVE[p.kind](p.slug)})`;
    to = rows[0]?.toPath;
  } catch (err) {
    // a lookup that failed (pool exhausted, database away) must not take the live page down with it
    logger.warn({ err, path: p.key }, "redirect lookup failed");
    return null;
  }
  return to ? redirectLocation(to, p.rest, search) : null;
}
