import { articlesL1 } from "./articles-l1";
import { articlesL2 } from "./articles-l2";
import { articlesL3 } from "./articles-l3";
import { articlesL4 } from "./articles-l4";
import type { SeedArticle } from "./types";

/** Every demo article, in one list: the seed and the e2e specs read it from here. */
export const demoArticles: SeedArticle[] = [...articlesL1, ...articlesL2, ...articlesL3, ...articlesL4];
