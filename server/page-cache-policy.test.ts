import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { inlineScriptHashes, joinInlineScripts, PUBLIC_RENDER_MARKER } from "./page-cache-policy.mjs";

const M = PUBLIC_RENDER_MARKER;
const tag = (body: string, attrs = ` nonce="${M}"`) => `<script${attrs}>${body}</script>`;

/** Runs a document's inline scripts in order, as a browser would, and returns the global they fill. */
function runScripts(html: string) {
  const context = vm.createContext({ log: [] as unknown[] });
  vm.runInContext("var self = this;", context);
  for (const m of html.matchAll(/<script((?:\s[^>]*)?)>([\s\S]*?)<\/script>/g))
    if (!/src=|type=/.test(m[1] ?? "")) vm.runInContext(m[2] ?? "", context);
  return JSON.parse(JSON.stringify({ flight: context.__next_f, log: context.log })) as unknown;
}

// the shape Next.js writes: a bootstrap, then one push per streamed flight chunk
const flight = [
  `(self.__next_f=self.__next_f||[]).push([0])`,
  `self.__next_f.push([1,"1:\\"$Sreact.fragment\\"\\n"])`,
  `self.__next_f.push([1,"2:[\\"$\\",\\"div\\",null,{}]\\n"])`,
  // no final semicolon, then a line comment: a join without ";" on its own line would break both
  `log.push("a") // trailing comment`,
  `(log.push("b"))`,
];

describe("joinInlineScripts", () => {
  it("makes one script of a run of trusted scripts that does what the run did", () => {
    const html = `<html><body><main>x</main>${flight.map((b) => tag(b)).join("")}</body></html>`;
    const joined = joinInlineScripts(html, M);
    expect(joined.match(/<script/g)).toHaveLength(1);
    expect(joined.startsWith("<html><body><main>x</main><script")).toBe(true);
    expect(joined.endsWith("</script></body></html>")).toBe(true);
    expect(runScripts(joined)).toEqual(runScripts(html));
    expect(runScripts(joined)).toEqual({
      flight: [[0], [1, '1:"$Sreact.fragment"\n'], [1, '2:["$","div",null,{}]\n']],
      log: ["a", "b"],
    });
    expect(inlineScriptHashes(html, M)).toHaveLength(5);
    expect(inlineScriptHashes(joined, M)).toHaveLength(1);
  });

  it("leaves alone what it must: markup between scripts, other attributes, parser-sensitive bodies", () => {
    const cases = [
      // something of the document between two scripts
      `${tag("a()")}<div hidden id="S:0">x</div>${tag("b()")}`,
      // external and data scripts keep their place and their bytes
      `${tag("", ' src="/_next/static/chunks/a.js" async=""')}${tag("", ' src="/b.js"')}`,
      `${tag('{"@type":"NewsArticle"}', ' type="application/ld+json"')}${tag("a()")}`,
      // a nonce other than the marker (never trusted by the stored policy)
      `${tag("a()", ' nonce="other"')}${tag("b()", ' nonce="other"')}`,
      // bare and marker scripts are trusted each, but not joined with each other
      `${tag("a()", "")}${tag("b()")}`,
      // "<!--" and "<script" inside a script change how the parser reads what follows
      `${tag('x="<!--"')}${tag("b()")}`,
      `${tag("a()")}${tag('x="<script"')}`,
    ];
    for (const html of cases) expect(joinInlineScripts(html, M), html).toBe(html);
  });

  it("joins on each side of what it leaves, and never reaches across other markup", () => {
    const html = `${tag("a()")}${tag("b()")}${tag('{"x":1}', ' type="application/ld+json"')}${tag("c()")}${tag("d()")}<p>t</p>${tag("e()")}${tag("f()")}`;
    expect(joinInlineScripts(html, M)).toBe(
      `${tag("a()\n;b()")}${tag('{"x":1}', ' type="application/ld+json"')}${tag("c()\n;d()")}<p>t</p>${tag("e()\n;f()")}`,
    );
    // a script whose end is not where a greedy reading would put it: text between is kept
    const tricky = `${tag("a()")}TEXT${tag("b()")}${tag("c()")}`;
    expect(joinInlineScripts(tricky, M)).toBe(`${tag("a()")}TEXT${tag("b()\n;c()")}`);
  });
});
