/** Characters that may end a mention: `@张三，请看` mentions 张三, `@张三丰` does not. */
const END = /^$|^[\s,.;:!?()[\]，。；：！？、（）【】“”"'…]/u;

/**
 * The candidates mentioned in `body` as `@显示名`. Matching by name (longest first) rather than
 * by splitting words keeps names with spaces or punctuation mentionable.
 */
export function findMentions<T extends { displayName: string }>(body: string, candidates: T[]): T[] {
  const found: T[] = [];
  const sorted = [...candidates].sort((a, b) => b.displayName.length - a.displayName.length);
  const taken: [number, number][] = [];
  for (const c of sorted) {
    if (!c.displayName) continue;
    const needle = `@${c.displayName}`;
    for (let at = body.indexOf(needle); at !== -1; at = body.indexOf(needle, at + 1)) {
      const end = at + needle.length;
      if (!END.test(body.slice(end, end + 1))) continue;
      if (taken.some(([s, e]) => at < e && end > s)) continue;
      taken.push([at, end]);
      found.push(c);
      break;
    }
  }
  return found;
}
