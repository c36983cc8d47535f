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
  // a line comment at the end: a join without ";" on its own line would swallow the next push
  `self.__next_f.push([1,"2:[\\"$\\",\\"div\\",null,{}]\\n"]) // end of chunk`,
  // no final semicolon, and the next one starts with "(": joined by a newline alone it would be a call
  `self.__next_f.push([1,"3:null\\n"])`,
  `(self.__next_f=self.__next_f||[]).push([1,"4:1\\n"])`,
];

const f = (n: number) => `self.__next_f.push([1,"${n}"])`;

describe("joinInlineScripts", () => {
  it("makes one script of a run of trusted scripts that does what the run did", () => {
    const html = `<html><body><main>x</main>${flight.map((b) => tag(b)).join("")}</body></html>`;
    const joined = joinInlineScripts(html, M);
    expect(joined.match(/<script/g)).toHaveLength(1);
    expect(joined.startsWith("<html><body><main>x</main><script")).toBe(true);
    expect(joined.endsWith("</script></body></html>")).toBe(true);
    expect(runScripts(joined)).toEqual(runScripts(html));
    expect(runScripts(joined)).toEqual({
      flight: [
        [0],
        [1, '1:"$Sreact.fragment"\n'],
        [1, '2:["$","div",null,{}]\n'],
        [1, "3:null\n"],
        [1, "4:1\n"],
      ],
      log: [],
    });
    expect(inlineScriptHashes(html, M)).toHaveLength(5);
    expect(inlineScriptHashes(joined, M)).toHaveLength(1);
  });

  it("leaves alone what it must: markup between scripts, other attributes, parser-sensitive bodies", () => {
    const cases = [
      // something of the document between two scripts
      `${tag(f(1))}<div hidden id="S:0">x</div>${tag(f(2))}`,
      // external and data scripts keep their place and their bytes
      `${tag("", ' src="/_next/static/chunks/a.js" async=""')}${tag("", ' src="/b.js"')}`,
      `${tag('{"@type":"NewsArticle"}', ' type="application/ld+json"')}${tag(f(1))}`,
      // a nonce other than the marker (never trusted by the stored policy)
      `${tag(f(1), ' nonce="other"')}${tag(f(2), ' nonce="other"')}`,
      // bare and marker scripts are trusted each, but not joined with each other
      `${tag(f(1), "")}${tag(f(2))}`,
      // "<!--", "<script" and "</script" in any case change how the parser reads what follows
      `${tag(`${f(1)};x="<!--"`)}${tag(f(2))}`,
      `${tag(f(1))}${tag(`${f(2)};x="<SCRIPT"`)}`,
      `${tag(`${f(1)};x="</Script "`)}${tag(f(2))}`,
      // scripts other than flight data keep their element: one that throws must not stop the rest
      `${tag('$RC("B:0","S:0")')}${tag(f(1))}`,
      `${tag("log.push(1)")}${tag("log.push(2)")}`,
    ];
    for (const html of cases) expect(joinInlineScripts(html, M), html).toBe(html);
  });

  it("joins on each side of what it leaves, and never reaches across other markup", () => {
    const html = `${tag(f(1))}${tag(f(2))}${tag('{"x":1}', ' type="application/ld+json"')}${tag(f(3))}${tag(f(4))}<p>t</p>${tag(f(5))}${tag(f(6))}`;
    expect(joinInlineScripts(html, M)).toBe(
      `${tag(`${f(1)}\n;${f(2)}`)}${tag('{"x":1}', ' type="application/ld+json"')}${tag(`${f(3)}\n;${f(4)}`)}<p>t</p>${tag(`${f(5)}\n;${f(6)}`)}`,
    );
    // a script whose end is not where a greedy reading would put it: text between is kept
    const tricky = `${tag(f(1))}TEXT${tag(f(2))}${tag(f(3))}`;
    expect(joinInlineScripts(tricky, M)).toBe(`${tag(f(1))}TEXT${tag(`${f(2)}\n;${f(3)}`)}`);
  });
});
