import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict";

// Loading the dictionary takes ~200 ms: do it once per process, on first use.
let jieba: Jieba | undefined;
const instance = () => (jieba ??= Jieba.withDict(dict));

const isWord = (t: string) => /[\p{L}\p{N}]/u.test(t);
// Characters PostgreSQL's tsquery parser treats as syntax, removed so user input can never form operators.
const clean = (t: string) => t.toLowerCase().replace(/[\s&|!():*<>'"\\]+/g, "");

/**
 * Index-time segmentation: jieba's search mode emits both whole words and their parts
 * (反序列化 → 序列, 序列化, 反序列化), so a two-character query word still matches.
 */
export function segmentForIndex(text: string): string {
  if (!text) return "";
  return instance()
    .cutForSearch(text, true)
    .map(clean)
    .filter((t) => t && isWord(t))
    .join(" ");
}

/** Query-time segmentation: the words of the query, de-duplicated, at most 12. */
export function segmentQuery(q: string): string[] {
  const words = instance()
    .cut(q.normalize("NFKC"), true)
    .map(clean)
    .filter((t) => t && isWord(t));
  return [...new Set(words)].slice(0, 12);
}
