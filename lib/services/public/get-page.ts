import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { db } from "@/lib/db";
import { tags } from "@/lib/cache-tags";
import { config } from "./cache-profile";

export type PageDto = { slug: string; title: string; bodyHtml: string; updatedAt: Date };

/** A footer page (公司简介, 隐私政策…) or null. bodyHtml was sanitised when it was saved. */
export async function getPage(slug: string): Promise<PageDto | null> {
  "use cache";
  cacheTag(tags.page(slug));
  cacheLife(config);
  return db.page.findUnique({
    where: { slug },
    select: { slug: true, title: true, bodyHtml: true, updatedAt: true },
  });
}
