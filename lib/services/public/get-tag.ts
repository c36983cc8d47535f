import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { db } from "@/lib/db";
import { tags } from "@/lib/cache-tags";
import type { TagKind } from "@/lib/generated/prisma/enums";
import { config } from "./cache-profile";
import { aliasNamesOfT } from "../tags/alias-names-sql";

export type TagDto = {
  id: number;
  slug: string;
  name: string;
  /** TOPIC, or a threat entity (issue 16) whose page shows its aliases, CVEs and IOCs */
  kind: TagKind;
  description: string | null;
  /** other names, as written, alphabetical */
  aliases: string[];
};

export async function getTag(slug: string): Promise<TagDto | null> {
  "use cache";
  cacheTag(tags.tag(slug));
  cacheLife(config);
  // one statement (the page's query budget): the aliases aggregated beside the row
  const rows = await db.$queryRaw<TagDto[]>`
    SELECT t.id, t.slug, t.name, t.kind::text AS kind, t.description,
      ${aliasNamesOfT} AS aliases
    FROM tags t WHERE t.slug = ${slug}`;
  return rows[0] ?? null;
}
