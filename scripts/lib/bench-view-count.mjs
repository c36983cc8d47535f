// @ts-check
// What the app would spend counting views from the front's log instead of answering beacons
// (docs/request-path.md, "The view beacon"): every line parsed and put through the beacon's own
// rules (isBot, visitor id, once per visitor per article per window) and counter, no database.
import { createViewCounter } from "../../server/view-counter.mjs";
import { isBot } from "../../lib/services/views/is-bot.mjs";
import { createViewDedupe } from "../../lib/services/views/view-dedupe.mjs";
import { visitorIdFor } from "../../lib/services/views/visitor-id.mjs";

const UA =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const ARTICLE = /^\/posts\/([A-Za-z0-9_-]{1,16})$/;

/** µs per logged view, over `lines` lines in the front's log format (scripts/lib/bench-wrk.mjs viewLog). */
export async function countingCost(lines = 300_000) {
  const counter = createViewCounter({
    db: { query: async () => ({ rows: [] }) },
    flushMs: 3_600_000,
    maxKeys: 1e9,
  });
  const dedupe = createViewDedupe();
  const article = { id: "bench-article-1500", base: 0, at: Date.now() };
  const log = [];
  for (let i = 0; i < lines; i++)
    log.push(
      `1764684000.${String(i % 1000).padStart(3, "0")} 200 /posts/bench1500 b${String(i).padStart(21, "0")} document - "${UA}"`,
    );
  const text = log.join("\n");
  const t0 = performance.now();
  let counted = 0;
  for (const line of text.split("\n")) {
    const q = line.indexOf('"');
    const [, status, uri, cookie, dest, router] = line.slice(0, q - 1).split(" ");
    if (status !== "200" || dest !== "document" || router !== "-") continue;
    const m = ARTICLE.exec(uri ?? "");
    const ua = line.slice(q + 1, -1);
    if (!m || isBot(ua)) continue;
    const visitor = visitorIdFor(cookie === "-" ? undefined : cookie, "", ua);
    if (dedupe.shouldCount(visitor.id, article.id)) {
      counter.add(article, visitor.id);
      counted++;
    }
  }
  const ms = performance.now() - t0;
  if (counted !== lines) throw new Error(`counted ${counted} of ${lines}`);
  return { perView: (ms * 1000) / lines, lines };
}
