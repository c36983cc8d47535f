import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { db } from "@/lib/db";
import { tags } from "@/lib/cache-tags";
import { config } from "./cache-profile";

export type CategoryDto = { id: number; slug: string; name: string; description: string | null };

/**
 * Every category in bar order. Pages look a category up in this list instead of querying by slug,
 * which keeps the category page within its statement budget (the layout needs the list anyway).
 */
export async function listCategories(): Promise<CategoryDto[]> {
  "use cache";
  cacheTag(tags.categories());
  cacheLife(config);
  return db.category.findMany({
    select: { id: true, slug: true, name: true, description: true },
    orderBy: [{ position: "asc" }, { id: "asc" }],
  });
}
