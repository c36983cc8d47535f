import { demoArticles } from "../../prisma/seed/data/articles";
import type { SeedArticle } from "../../prisma/seed/data/types";
import { publicIdFor } from "../../prisma/seed/lib/images";

/** Demo articles picked by their shape, so the specs do not hard-code seed keys. */
const all: SeedArticle[] = demoArticles;
const headings = (a: SeedArticle) => a.blocks.filter((b) => b.type === "h2" || b.type === "h3").length;

function pick(what: string, test: (a: SeedArticle) => boolean) {
  const a = all.find(test);
  if (!a) throw new Error(`the demo seed has no ${what}`);
  return { ...a, publicId: publicIdFor(a.key), path: `/posts/${publicIdFor(a.key)}` };
}

/** A published translation long enough for a table of contents. */
export const translation = () =>
  pick("long published translation", (a) => a.status === "PUBLISHED" && !!a.source && headings(a) >= 3);

/** A published original (no source), for the bookmark round trip. */
export const original = () => pick("published original", (a) => a.status === "PUBLISHED" && !a.source);

export const draft = () => pick("draft", (a) => a.status === "DRAFT");
