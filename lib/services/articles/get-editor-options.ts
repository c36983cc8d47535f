import "server-only";
import { assertCan, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";

export type EditorOptions = { categories: { id: number; name: string }[]; tagNames: string[] };

/** The choices an article form offers: every category (bar order) and tag names for suggestions. */
export async function getEditorOptions(actor: Actor | null): Promise<EditorOptions> {
  assertCan(actor, "article.create");
  const [categories, tags] = await Promise.all([
    db.category.findMany({ select: { id: true, name: true }, orderBy: [{ position: "asc" }, { id: "asc" }] }),
    db.tag.findMany({ select: { name: true }, orderBy: { name: "asc" }, take: 2000 }),
  ]);
  return { categories, tagNames: tags.map((t) => t.name) };
}
