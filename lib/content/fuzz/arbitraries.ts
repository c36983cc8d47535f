import fc from "fast-check";
import { isSafeText } from "@/lib/validation";

/**
 * fast-check generators of tiptap documents for the fuzz suites: shapes the editor writes, and
 * hostile ones (huge and odd numbers, deep nesting, wide tables, unknown types and attrs, control
 * characters, lone surrogates, markup and javascript: URLs in text and attrs).
 */

const media = fc.stringMatching(/^[0-9a-f]{64}$/).map((h) => `/media/${h.slice(0, 2)}/${h}.webp`);

/** Strings an attacker tries: markup, handlers, script URLs, CDATA ends, controls, broken UTF-16. */
export const hostileString = fc.oneof(
  fc.constantFrom(
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "' onmouseover='alert(1)",
    "javascript:alert(1)",
    " JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "<svg/onload=alert(1)>",
    "<style>*{}</style>",
    "]]><x>",
    "</textarea><script>",
    "&lt;b&gt;&#0;&#x0;&#99999999;",
    "\u0000",
    "\u0001\u0008\u000b\u001b[31m",
    "\ud800",
    "x\udc00",
    "\u2028\u2029",
    "\t\r\n",
    "",
  ),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ maxLength: 40 }),
);

/** Numbers (and non-numbers) for numeric attrs: in range, at the edges, enormous, fractional, typed wrong. */
const hostileNumber = fc.oneof(
  fc.integer({ min: -5, max: 60 }),
  fc.constantFrom(
    0,
    -1,
    1000,
    1001,
    1e6,
    2e9,
    2 ** 31,
    Number.MAX_SAFE_INTEGER,
    1e21,
    1.5,
    -0,
    NaN,
    Infinity,
    -Infinity,
  ),
  fc.constantFrom("1", "2", "1e9", "999999999", "", null, true, [], [3], {}),
  fc.double(),
);

/** Markup and script URLs that are still valid text (no controls, no broken UTF-16). */
const markupString = hostileString.filter((v) => v.length > 0 && isSafeText(v));

type Mode = "valid" | "hostile";

/**
 * Documents as the editor could write them. "valid": every value within its rule (markup in text
 * and attrs, which is allowed and must come out escaped); "hostile": out-of-range numbers, wrong
 * types, controls and script URLs mixed in, so most are refused somewhere.
 */
function documents(mode: Mode) {
  const hostile = mode === "hostile";
  const text = hostile
    ? fc.oneof(
        { weight: 4, arbitrary: fc.string({ minLength: 1, maxLength: 30 }) },
        { weight: 1, arbitrary: hostileString },
      )
    : fc.oneof(
        { weight: 4, arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 30 }) },
        { weight: 1, arbitrary: markupString },
      );
  const int = (min: number, max: number) =>
    hostile ? fc.oneof(fc.integer({ min, max }), hostileNumber) : fc.integer({ min, max });
  const href = hostile
    ? fc.oneof(
        fc.webUrl(),
        fc.constantFrom("mailto:a@example.com", "/posts/abc", "#top", "//evil.example", "/\\evil.example"),
        hostileString,
      )
    : fc.oneof(
        fc.webUrl({ withQueryParameters: true, withFragments: true }),
        fc.constantFrom("mailto:a@example.com", "/posts/abc", "#top", 'https://example.com/"><script>'),
      );
  const mark = fc.oneof(
    fc.constantFrom({ type: "bold" }, { type: "italic" }, { type: "strike" }),
    fc.record({
      type: fc.constant("link"),
      attrs: fc.record(
        {
          href,
          title: fc.option(hostile ? hostileString : markupString),
          target: fc.option(fc.constantFrom("_blank", "_top")),
        },
        { requiredKeys: ["href"] },
      ),
    }),
    ...(hostile
      ? [
          fc.record({
            type: fc.constantFrom("underline", "script", "highlight"),
            attrs: fc.object({ maxDepth: 1 }),
          }),
        ]
      : []),
  );
  const textNode = fc.record(
    {
      type: fc.constant("text"),
      text,
      // inline code excludes every other mark (tiptap's Code: excludes "_"); hostile documents mix them anyway
      marks: fc.option(
        fc.oneof(
          fc.uniqueArray(mark, { maxLength: 3, selector: (m) => m.type }),
          fc.constant([{ type: "code" }]),
          ...(hostile ? [fc.constant([{ type: "code" }, { type: "bold" }])] : []),
        ),
        { nil: undefined },
      ),
    },
    { requiredKeys: ["type", "text"] },
  );
  const inline = fc.oneof(
    { weight: 5, arbitrary: textNode },
    { weight: 1, arbitrary: fc.constant({ type: "hardBreak" }) },
  );
  const paragraph = fc.record({
    type: fc.constant("paragraph"),
    content: fc.array(inline, { maxLength: 4 }),
  });
  const figure = fc.record({
    type: fc.constant("figure"),
    attrs: fc.record(
      {
        src: hostile ? fc.oneof({ weight: 3, arbitrary: media }, { weight: 1, arbitrary: href }) : media,
        alt: text,
        caption: text,
        width: fc.option(int(1, 8000)),
        height: fc.option(int(1, 8000)),
      },
      { requiredKeys: ["src"] },
    ),
  });
  const language = hostile
    ? fc.oneof(fc.constantFrom("javascript", "python", "bash", "html", "c++", null), hostileString)
    : fc.constantFrom("javascript", "python", "bash", "html", "c++", "unknown-lang", null);
  const codeBlock = fc.record({
    type: fc.constant("codeBlock"),
    attrs: fc.record({ language }),
    content: fc.array(
      textNode.map(({ type, text }) => ({ type, text })),
      { maxLength: 2 },
    ),
  });
  const span = (max: number) => (hostile ? hostileNumber : fc.integer({ min: 1, max }));
  const colwidth = hostile
    ? fc.oneof(fc.constant(null), fc.array(hostileNumber, { maxLength: 4 }))
    : fc.constant(null);
  const cellAttrs = fc.record(
    {
      colspan: span(4),
      rowspan: span(3),
      colwidth,
      align: fc.constantFrom(null, "left", "center", ...(hostile ? ["evil"] : [])),
    },
    { requiredKeys: [] },
  );
  const listAttrs = fc.record(
    { start: int(0, 100), type: fc.constantFrom(null, "1", "a", ...(hostile ? ["x"] : [])) },
    { requiredKeys: [] },
  );

  const { block } = fc.letrec<{ block: unknown }>((tie) => ({
    block: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      paragraph,
      fc.record({
        type: fc.constant("heading"),
        attrs: fc.record({ level: int(2, 4) }),
        content: fc.array(inline, { maxLength: 3 }),
      }),
      codeBlock,
      figure,
      fc.constant({ type: "horizontalRule" }),
      fc.record({
        type: fc.constant("blockquote"),
        content: fc.array(tie("block"), { minLength: 1, maxLength: 3 }),
      }),
      fc.record({
        type: fc.constantFrom("bulletList", "orderedList"),
        attrs: listAttrs,
        content: fc.array(
          fc.record({
            type: fc.constant("listItem"),
            content: fc
              .tuple(paragraph, fc.array(tie("block"), { maxLength: 2 }))
              .map(([p, rest]) => [p, ...rest]),
          }),
          { minLength: 1, maxLength: 3 },
        ),
      }),
      fc.record({
        type: fc.constant("table"),
        content: fc.array(
          fc.record({
            type: fc.constant("tableRow"),
            content: fc.array(
              fc.record({
                type: fc.constantFrom("tableCell", "tableHeader"),
                attrs: cellAttrs,
                content: fc.array(paragraph, { minLength: 1, maxLength: 2 }),
              }),
              { minLength: 1, maxLength: 4 },
            ),
          }),
          { minLength: 1, maxLength: 4 },
        ),
      }),
    ),
  }));
  return fc.array(block, { minLength: 1, maxLength: 6 }).map((content) => ({ type: "doc", content }));
}

/** Editor-shaped documents whose every value is within its rule (markup in text and attrs included). */
export const validDoc = documents("valid");
/** Editor-shaped documents with hostile values mixed in. */
const editorDoc = documents("hostile");

const nest = (depth: number, leaf: unknown, wrap: (inner: unknown) => unknown) => {
  let node = leaf;
  for (let i = 0; i < depth; i++) node = wrap(node);
  return node;
};

/** Shapes no editor writes: deep chains, wide tables, unknown types, stray attrs, random JSON. */
const hostileDoc = fc.oneof(
  fc.integer({ min: 40, max: 20_000 }).map((d) => ({
    type: "doc",
    content: [nest(d, { type: "paragraph" }, (n) => ({ type: "blockquote", content: [n] }))],
  })),
  fc
    .integer({ min: 10, max: 5_000 })
    .map((d) => ({ type: "doc", content: [{ type: "paragraph", attrs: { x: nest(d, 1, (n) => [n]) } }] })),
  fc
    .record({
      rows: fc.oneof(fc.integer({ min: 1, max: 2 }), fc.integer({ min: 1, max: 300 })),
      cols: fc.oneof(fc.integer({ min: 1, max: 2 }), fc.integer({ min: 1, max: 80 })),
      colspan: hostileNumber,
      rowspan: hostileNumber,
    })
    .map(({ rows, cols, colspan, rowspan }) => ({
      type: "doc",
      content: [
        {
          type: "table",
          content: Array.from({ length: rows }, (_, r) => ({
            type: "tableRow",
            content: Array.from({ length: cols }, (_, c) => ({
              type: "tableCell",
              attrs: r === 0 && c === 0 ? { colspan, rowspan } : {},
              content: [{ type: "paragraph" }],
            })),
          })),
        },
      ],
    })),
  fc.record({
    type: fc.constant("doc"),
    content: fc.array(
      fc.record(
        {
          type: fc.constantFrom("iframe", "script", "paragraph", "text", "doc", "__proto__"),
          attrs: fc.object(),
          content: fc.anything({ maxDepth: 2 }),
          text: fc.anything({ maxDepth: 1 }),
        },
        { requiredKeys: ["type"] },
      ),
      { maxLength: 3 },
    ),
  }),
  fc.anything({ maxDepth: 3 }),
);

/** Every kind. */
export const anyDoc = fc.oneof(
  { weight: 2, arbitrary: validDoc },
  { weight: 2, arbitrary: editorDoc },
  { weight: 1, arbitrary: hostileDoc },
);
