import type { JSONContent } from "@tiptap/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { normalizeTiptapDoc } from "@/lib/services/articles/body-schema";
import { extractToc } from "../extract-toc";
import { MAX_HTML_BYTES } from "../limits";
import { plainText } from "../plain-text";
import { renderArticle } from "../render";
import { sanitizeArticleHtml } from "../sanitize";
import { anyDoc, hostileString, validDoc } from "./arbitraries";

// fixed seed and run count: the same cases in CI every time; FUZZ_SEED=… explores others
const seed = Number(process.env.FUZZ_SEED ?? 20261201);
const numRuns = Number(process.env.FUZZ_RUNS ?? 200);
const FUZZ_TIMEOUT = 60_000;
console.info(`content fuzz: seed ${seed}, ${numRuns} runs per property (FUZZ_SEED / FUZZ_RUNS to change)`);

const CJK = /[\u4e00-\u9fff]/;
const TAG = /<([a-zA-Z][\w-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
const ATTR = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
// what a browser does to an attribute value before reading a URL scheme from it
const decode = (v: string) =>
  v
    .replace(/&#x([0-9a-f]+);?/gi, (_, h: string) =>
      String.fromCodePoint(Math.min(parseInt(h, 16), 0x10ffff)),
    )
    .replace(/&#(\d+);?/g, (_, d: string) => String.fromCodePoint(Math.min(Number(d), 0x10ffff)))
    .replace(
      /&(colon|tab|newline);/gi,
      (_, n: string) => ({ colon: ":", tab: "\t", newline: "\n" })[n.toLowerCase()] ?? "",
    )
    .replace(/[\u0000-\u0020]/g, "");

/** Executable constructs: a script-capable element, an on* handler, a style attribute, a script URL where a URL is read. */
export function executableConstructs(html: string): string[] {
  const found: string[] = [];
  for (const [, name, rest] of html.matchAll(TAG)) {
    if (/^(script|style|iframe|object|embed|svg|math|link|meta|base|form)$/i.test(name!))
      found.push(`<${name}>`);
    for (const [, attr, ...values] of rest!.matchAll(ATTR)) {
      const value = decode(values.find((v) => v !== undefined) ?? "");
      if (/^on/i.test(attr!)) found.push(`${attr} on <${name}>`);
      if (/^style$/i.test(attr!)) found.push(`style on <${name}>`);
      if (
        /^(href|src|srcset|action|formaction|poster|xlink:href|background)$/i.test(attr!) &&
        /^(javascript|vbscript|data):/i.test(value)
      )
        found.push(`${attr}=${value.slice(0, 30)} on <${name}>`);
    }
  }
  return found;
}

type Outcome = { ok: true; html: string; text: string } | { ok: false; message: string };
/** A save's content path: normalise, then render. Every refusal is a zh-CN message, nothing else escapes. */
function save(value: unknown): Outcome {
  const n = normalizeTiptapDoc(value);
  if ("error" in n) return { ok: false, message: n.error };
  try {
    const r = renderArticle(n.doc);
    return { ok: true, html: r.html, text: r.text };
  } catch (e) {
    if (e instanceof AppError && e.code === "INVALID") return { ok: false, message: e.message };
    throw e;
  }
}

// the recursive plain-text extraction the renderer used before (the oracle for the iterative one)
const BLOCKS = new Set(["paragraph", "heading", "blockquote", "codeBlock", "listItem", "tableRow", "figure"]);
const textOf = (n: JSONContent): string =>
  n.type === "text"
    ? (n.text ?? "")
    : n.type === "figure"
      ? String(n.attrs?.caption ?? "")
      : (n.content ?? []).map(textOf).join("");
const oldPlainText = (n: JSONContent): string =>
  n.type === "text"
    ? (n.text ?? "")
    : BLOCKS.has(n.type ?? "")
      ? textOf(n).trim() + "\n"
      : (n.content ?? []).map(oldPlainText).join("");

describe("content fuzz (normalizeTiptapDoc + renderArticle)", () => {
  it(
    "every document is rendered within budget or refused with a zh-CN message; nothing else is thrown",
    () => {
      fc.assert(
        fc.property(anyDoc, (value) => {
          const started = performance.now();
          const r = save(value);
          expect(performance.now() - started).toBeLessThan(2_000);
          if (r.ok) expect(Buffer.byteLength(r.html)).toBeLessThanOrEqual(MAX_HTML_BYTES);
          else expect(r.message).toMatch(CJK);
        }),
        { seed, numRuns },
      );
    },
    FUZZ_TIMEOUT,
  );

  it(
    "no executable construct survives, and the stored HTML is a fixed point of the sanitiser",
    () => {
      fc.assert(
        fc.property(validDoc, (value) => {
          const r = save(value);
          const html = r.ok ? r.html : "";
          expect(executableConstructs(html)).toEqual([]);
          expect(sanitizeArticleHtml(html)).toBe(html);
          // the page reads its table of contents back from the stored HTML: it must never throw
          for (const entry of extractToc(html)) expect(entry.id).toMatch(/^h-\d+$/);
        }),
        { seed, numRuns },
      );
    },
    FUZZ_TIMEOUT,
  );

  it(
    "rendering is idempotent: normalising the normal form changes nothing, and renders agree",
    () => {
      fc.assert(
        fc.property(validDoc, (value) => {
          const n = normalizeTiptapDoc(value);
          fc.pre("doc" in n);
          const doc = (n as { doc: JSONContent }).doc;
          expect(normalizeTiptapDoc(doc)).toEqual({ doc });
          expect(renderArticle(doc)).toEqual(renderArticle(structuredClone(doc)));
          expect(plainText(doc)).toBe(
            oldPlainText(doc)
              .replace(/\n{2,}/g, "\n")
              .trim(),
          );
        }),
        { seed, numRuns: Math.ceil(numRuns / 2) }, // two renders a case
      );
    },
    FUZZ_TIMEOUT,
  );

  // sanitize-html does not rebuild the tree the way a browser does: for mis-nested input ("<p>a<p>b"
  // inside one <p>) one pass can still change the markup. What we store is the renderer's well-formed
  // output, which is a fixed point (above); any HTML is safe after one pass and a fixed point after two.
  it(
    "hostile HTML: nothing executable after one pass, and sanitize(sanitize(x)) is a fixed point",
    () => {
      const fragment = fc.oneof(
        hostileString,
        fc.constantFrom(
          "<p>",
          "</p>",
          "<a href=",
          "<img src=",
          "<td colspan=99999999>",
          "<h2 id=x onclick=y>",
          '<code class="language-x hljs-evil">',
          "<!--",
          "-->",
          "<![CDATA[",
          "<table><colgroup><col span=1000>",
        ),
      );
      fc.assert(
        fc.property(fc.array(fragment, { maxLength: 12 }), (parts) => {
          const once = sanitizeArticleHtml(parts.join(""));
          expect(executableConstructs(once)).toEqual([]);
          const twice = sanitizeArticleHtml(once);
          expect(sanitizeArticleHtml(twice)).toBe(twice);
        }),
        { seed, numRuns },
      );
    },
    FUZZ_TIMEOUT,
  );

  it("the invariant checks can fail (they see what they look for)", () => {
    expect(
      executableConstructs(
        '<img src="x" onerror="y"><a href=" &#106;avascript:x">a</a><p style="x"><script>',
      ),
    ).toHaveLength(4);
    // markup inside a quoted value is text, not an attribute
    expect(
      executableConstructs('<a title="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" href="https://x">a</a>'),
    ).toEqual([]);
  });
});
