import { PassThrough } from "node:stream";
import { createElement as h, Suspense, use } from "react";
import { renderToPipeableStream } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { joinInlineScripts } from "../../server/page-cache-policy.mjs";
import { settleStream } from "./site-roundtrip.mjs";

/** Renders with React's streaming renderer: `streamed` writes the shell before the list resolves. */
function render(items: string[], streamed: boolean): Promise<string> {
  let release!: () => void;
  const data = new Promise<string[]>((resolve) => (release = () => resolve(items)));
  const List = () =>
    h(
      "ul",
      null,
      use(data).map((t) => h("li", { key: t }, h("div", null, t))),
    );
  const Page = () =>
    h(
      "main",
      null,
      h("h1", null, "分类"),
      h("div", null, h(Suspense, { fallback: h("div", { className: "skeleton" }, h("div")) }, h(List))),
      h("footer", null, "页脚"),
    );
  return new Promise((resolve, reject) => {
    const out = new PassThrough();
    let html = "";
    out.on("data", (c: Buffer) => (html += c.toString("utf8")));
    out.on("end", () => resolve(html));
    const stream = renderToPipeableStream(h(Page), {
      onShellReady() {
        if (!streamed) return;
        stream.pipe(out);
        setTimeout(release, 20);
      },
      onAllReady() {
        if (!streamed) stream.pipe(out);
      },
      onShellError: reject,
    });
    if (!streamed) release();
  });
}

const flight = (chunks: string[]) =>
  chunks.map((c) => `<script>self.__next_f.push(${JSON.stringify([1, c])})</script>`).join("");

describe("settleStream", () => {
  it("gives the same document for a boundary streamed after the shell and one rendered inline", async () => {
    const inline = await render(["甲", "乙"], false);
    const streamed = await render(["甲", "乙"], true);
    expect(streamed).toContain('<div hidden id="S:0">');
    expect(inline).not.toContain("hidden id=");
    expect(inline).not.toBe(streamed);
    expect(settleStream(streamed)).toBe(settleStream(inline));
    expect(settleStream(inline)).toContain("<li><div>甲</div></li>");
  });

  it("still tells different content apart, streamed or not", async () => {
    const a = await render(["甲", "乙"], true);
    const b = await render(["甲", "丙"], false);
    expect(settleStream(a)).not.toBe(settleStream(b));
  });

  it("moves a segment completed on its own ($RS) into its placeholder", () => {
    const inline = "<main><!--$--><h2>甲</h2><p>乙</p><!--/$--></main>";
    const streamed =
      '<main><!--$--><h2>甲</h2><template id="P:1"></template><!--/$--></main>' +
      '<div hidden id="S:1"><p>乙</p></div><script>$RS=function(a,b){};$RS("S:1","P:1")</script>';
    expect(settleStream(streamed)).toBe(settleStream(inline));
  });

  it("joins flight data cut at different places, and sorts its rows and the other scripts", () => {
    const json = '<script type="application/ld+json">{"a":1}</script>';
    const a = `<p>x</p>${flight(['0:{"a"', ':1}\n1:"标题"\n'])}${json}`;
    const b = `<p>x</p>${json}${flight(['0:{"a":1}\n', '1:"标', '题"\n'])}`;
    expect(settleStream(a)).toBe(settleStream(b));
    const c = `<p>x</p>${json}${flight(['0:{"a":1}\n', '1:"改"\n'])}`;
    expect(settleStream(c)).not.toBe(settleStream(a));
    const d = `<p>x</p>${flight(['0:{"a":1}\n1:"标题"\n'])}<script type="application/ld+json">{"a":2}</script>`;
    expect(settleStream(d)).not.toBe(settleStream(a));
  });

  it("reads a run of scripts the page cache stored as one (joinInlineScripts) piece by piece", () => {
    const json = '<script type="application/ld+json">{"a":1}</script>';
    const a = joinInlineScripts(`<p>x</p>${flight(['0:{"a"', ':1}\n1:"标题"\n'])}${json}`, "m");
    const b = joinInlineScripts(`<p>x</p>${json}${flight(['0:{"a":1}\n', '1:"标', '题"\n'])}`, "m");
    expect(a.match(/<script>/g)).toHaveLength(1);
    expect(settleStream(a)).toBe(settleStream(b));
    // a changed row still shows
    const changed = joinInlineScripts(
      `<p>x</p>${json}<script>$RC("B:0","S:0")</script>${flight(['0:{"a":1}\n', '1:"改"\n'])}`,
      "m",
    );
    expect(changed.match(/<script>/g)).toHaveLength(2);
    expect(settleStream(changed)).not.toBe(settleStream(a));
  });

  it("reads base64 flight chunks as bytes, even when they split a character", () => {
    const bytes = Buffer.from('1:"标题"\n', "utf8");
    const a = `${flight(['1:"标题"\n'])}`;
    const b =
      `<script>self.__next_f.push(${JSON.stringify([3, bytes.subarray(0, 5).toString("base64")])})</script>` +
      `<script>self.__next_f.push(${JSON.stringify([3, bytes.subarray(5).toString("base64")])})</script>`;
    expect(settleStream(b)).toBe(settleStream(a));
  });
});
