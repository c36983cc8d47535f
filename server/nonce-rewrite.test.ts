import { describe, expect, it } from "vitest";
import { hashScript } from "./trusted-inline-scripts.mjs";
import { createNonceRewriter } from "./nonce-rewrite.mjs";

const BUILD_INLINE = "self.__next_f.push([0])";
const opts = { nonce: "N0NCE", placeholder: "PLAC=", trustedScripts: new Set([hashScript(BUILD_INLINE)]) };

/** Runs the rewriter over `html` cut at every position (a tag or a script split across writes). */
function everySplit(html: string): string[] {
  const outs: string[] = [];
  for (let cut = 0; cut <= html.length; cut++) {
    const r = createNonceRewriter(opts);
    outs.push(r.push(html.slice(0, cut)) + r.push(html.slice(cut)) + r.flush());
  }
  return outs;
}

describe("createNonceRewriter", () => {
  it("swaps the render placeholder for the response nonce everywhere", () => {
    const html =
      '<link rel="preload" nonce="PLAC="><script nonce="PLAC=">self.__next_f.push([1,"25:o1a,{\\"nonce\\":\\"PLAC=\\"}"])</script>';
    for (const out of everySplit(html)) {
      expect(out).toBe(
        '<link rel="preload" nonce="N0NCE"><script nonce="N0NCE">self.__next_f.push([1,"25:o1a,{\\"nonce\\":\\"N0NCE\\"}"])</script>',
      );
      expect(out.length).toBe(html.length); // length-prefixed flight rows stay valid
    }
  });

  it("marks the build's own chunk scripts", () => {
    const html = '<head><script src="/_next/static/chunks/a.js" async=""></script></head>';
    for (const out of everySplit(html))
      expect(out).toBe(
        '<head><script nonce="N0NCE" src="/_next/static/chunks/a.js" async=""></script></head>',
      );
  });

  it("marks the shell's preloads of build chunks, not of anything else", () => {
    const html =
      '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/a.js"/><link rel="preload" as="script" href="https://evil.example/x.js"/>';
    for (const out of everySplit(html)) {
      expect(out).toBe(
        '<link nonce="N0NCE" rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/a.js"/><link rel="preload" as="script" href="https://evil.example/x.js"/>',
      );
    }
  });

  it("marks a bare inline script only when its exact body is in a cached page", () => {
    const html = `<p>x</p><script>${BUILD_INLINE}</script><script>${BUILD_INLINE};alert(1)</script>`;
    for (const out of everySplit(html)) {
      expect(out).toBe(
        `<p>x</p><script nonce="N0NCE">${BUILD_INLINE}</script><script>${BUILD_INLINE};alert(1)</script>`,
      );
    }
  });

  it("leaves injected scripts, other sources and foreign nonces alone", () => {
    const html = [
      "<script>alert(1)</script>",
      '<script src="https://evil.example/_next/static/x.js"></script>',
      '<script src="/media/_next/static/x.js"></script>',
      '<script nonce="guess" src="/x.js"></script>',
      '<script type="application/ld+json">{"a":1}</script>',
      "&lt;script src=&quot;/_next/static/x.js&quot;&gt;",
    ].join("");
    for (const out of everySplit(html)) expect(out).toBe(html);
  });

  it("in RSC payloads only swaps the placeholder, never touches markup-like text", () => {
    const rsc =
      '1:T40,<script src="/_next/static/x.js"></script><script>self.__next_f.push([0])</script>\n2:{"nonce":"PLAC="}';
    for (let cut = 0; cut <= rsc.length; cut++) {
      const r = createNonceRewriter({ ...opts, html: false });
      const out = r.push(rsc.slice(0, cut)) + r.push(rsc.slice(cut)) + r.flush();
      expect(out).toBe(rsc.replace("PLAC=", "N0NCE"));
    }
  });

  it("refuses a placeholder whose length differs from the nonce", () => {
    expect(() => createNonceRewriter({ nonce: "abc", placeholder: "abcd" })).toThrow(/same length/);
  });

  it("passes an unterminated tag through at the end instead of losing it", () => {
    const r = createNonceRewriter(opts);
    expect(r.push("abc<scri") + r.flush()).toBe("abc<scri");
  });
});
