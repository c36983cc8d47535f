import { describe, expect, it } from "vitest";
import { failedRenders } from "./e2e.mjs";

// lines as Next.js 16.4 wrote them into the e2e server log (before the CVE page and session fixes)
const LOG = `Byline listening on http://localhost:39170
{"level":30,"time":1796403593091,"app":"byline","msg":"signed in"}
Error revalidating the page in the background Error:
    at ignore-listed frames {
  code: 'NEXT_STATIC_GEN_BAILOUT'
}
Error: Route "/cve/[id]": Next.js encountered the unstable value \`new Date()\` while prerendering.
Error: Route "/me/bookmarks": Next.js encountered the unstable value \`crypto.getRandomValues()\` while prerendering.
⨯ Error: Invalid Server Actions request.
{"level":50,"msg":"auth error"}`;

describe("failedRenders", () => {
  it("finds the renders Next.js failed where no test looks, one line each", () => {
    expect(failedRenders(LOG)).toEqual([
      "Error revalidating the page in the background Error:",
      'Error: Route "/cve/[id]": Next.js encountered the unstable value `new Date()` while prerendering.',
      'Error: Route "/me/bookmarks": Next.js encountered the unstable value `crypto.getRandomValues()` while prerendering.',
    ]);
  });

  it("leaves the errors tests provoke on purpose (refused actions, bad sessions) alone", () => {
    expect(failedRenders(LOG.split("\n").slice(-2).join("\n"))).toEqual([]);
    expect(failedRenders("")).toEqual([]);
  });
});
