import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { db } from "@/lib/db";
import { tags } from "@/lib/cache-tags";
import { config } from "./cache-profile";

export type TagDto = { id: number; slug: string; name: string };

export async function getTag(slug: string): Promise<TagDto | null> {
  "use cache";
  cacheTag(tags.tag(slug));
  cacheLife(config);
  return db.tag.findUnique({ where: { slug }, select: { id: true, slug: true, name: true } });
}
