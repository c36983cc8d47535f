import fc from "fast-check";
import { parseDocument } from "htmlparser2";
import nodemailer from "nodemailer";
import { describe, expect, it } from "vitest";
import { elementsOf, textOf } from "@/lib/feed/html-check";
import { assertWellFormedXml } from "@/lib/feed/xml-well-formed";
import { escapeHtmlAttribute, escapeHtmlText } from "./html";
import { hostileText } from "./hostile-text";
import { jsonForScript } from "./json-script";
import { mailAddress, mailHeaderValue, mailPlainText } from "./mail";
import { plainLine } from "./plain-text";
import { escapeXmlAttribute, escapeXmlText, toXmlChars } from "./xml";

// Fixed: a failure names the seed and path to replay, and CI runs the same cases every time.
const SEED = 20261201;
const RUNS = 400;
const check = <T>(arb: fc.Arbitrary<T>, pred: (v: T) => void) =>
  fc.assert(fc.property(arb, pred), { seed: SEED, numRuns: RUNS });
console.info(`escape properties: fast-check seed ${SEED}, ${RUNS} runs each`);

const EVIL = `<img src=x onerror=alert(1)> ]]> </script><!-- "q" 'a' & &amp; \u2028\u2029 \0\u0001 \ud800`;
const htmlWellFormed = (s: string) => s.toWellFormed().replaceAll("\0", "\ufffd");
const onlyElement = (html: string) => {
  const doc = parseDocument(html);
  expect(doc.children).toHaveLength(1);
  return doc.children[0] as unknown as {
    name: string;
    attribs: Record<string, string>;
    children: { data?: string }[];
  };
};

describe("escapeHtmlText", () => {
  it("turns markup, comments and entity look-alikes into text", () => {
    expect(escapeHtmlText(EVIL)).toBe(
      `&lt;img src=x onerror=alert(1)&gt; ]]&gt; &lt;/script&gt;&lt;!-- &quot;q&quot; 'a' &amp; &amp;amp; \u2028\u2029 \ufffd\u0001 \ufffd`,
    );
  });
  it("property: an HTML parser reads back exactly the text, and no element", () =>
    check(hostileText(), (s) => {
      const html = escapeHtmlText(s);
      expect(elementsOf(`<p>${html}</p>`)).toEqual(["p"]);
      expect(textOf(html)).toBe(htmlWellFormed(s));
    }));
});

describe("escapeHtmlAttribute", () => {
  it("escapes both quotes and the backtick", () => {
    expect(escapeHtmlAttribute(`a"b'c\`d<e>&`)).toBe("a&quot;b&#39;c&#96;d&lt;e&gt;&amp;");
  });
  it("property: the value stays one attribute whichever quote the template uses", () =>
    check(hostileText(), (s) => {
      for (const q of ['"', "'"]) {
        const el = onlyElement(`<a title=${q}${escapeHtmlAttribute(s)}${q} class="k">x</a>`);
        expect(el.name).toBe("a");
        expect(el.attribs).toEqual({ title: htmlWellFormed(s), class: "k" });
      }
    }));
});

describe("escapeXmlText / escapeXmlAttribute", () => {
  it("uses hexadecimal references and never writes ]]>", () => {
    expect(escapeXmlText("a]]>b & <c>\r\n")).toBe("a]]&#x3E;b &#x26; &#x3C;c&#x3E;&#xD;\n");
    expect(escapeXmlAttribute(`"'\n`)).toBe("&#x22;&#x27;&#xA;");
  });
  it("drops what XML 1.0 cannot carry and repairs lone surrogates", () => {
    expect(toXmlChars("a\0b\u0001c\u000bd\ufffee\uffff\ud800\t\n\r\u2028\u0085")).toBe(
      "abcde\ufffd\t\n\r\u2028\u0085",
    );
  });
  it("property: the document stays well-formed and a parser reads back the text", () =>
    check(hostileText(), (s) => {
      const xml = `<r a="${escapeXmlAttribute(s)}" b='${escapeXmlAttribute(s)}'>${escapeXmlText(s)}</r>`;
      expect(assertWellFormedXml(xml)).toBe(1);
      expect(xml.slice(3)).not.toContain("]]>");
      const r = parseDocument(xml, { xmlMode: true }).children[0] as unknown as {
        attribs: Record<string, string>;
        children: { data: string }[];
      };
      expect(r.attribs).toEqual({ a: toXmlChars(s), b: toXmlChars(s) });
      expect(r.children.map((c) => c.data).join("")).toBe(toXmlChars(s));
    }));
  it("property: toXmlChars is idempotent", () =>
    check(hostileText(), (s) => {
      expect(toXmlChars(toXmlChars(s))).toBe(toXmlChars(s));
    }));
});

describe("jsonForScript", () => {
  it("cannot end its script element or open a comment in it", () => {
    const out = jsonForScript({ t: "</script><!--<script>", u: "\u2028\u2029&>" });
    expect(out).toBe(
      '{"t":"\\u003c/script\\u003e\\u003c!--\\u003cscript\\u003e","u":"\\u2028\\u2029\\u0026\\u003e"}',
    );
  });
  it("refuses values that have no JSON", () => {
    expect(() => jsonForScript(undefined)).toThrow(TypeError);
  });
  it("property: the script element holds exactly the JSON, which parses back to the value", () =>
    check(
      fc.dictionary(hostileText(8), fc.oneof(hostileText(), fc.array(hostileText(), { maxLength: 3 }))),
      (value) => {
        const out = jsonForScript(value);
        expect(out).not.toMatch(/[<>&\u2028\u2029]/);
        expect(JSON.parse(out)).toEqual(value);
        const el = onlyElement(`<script type="application/ld+json">${out}</script>`);
        expect(el.name).toBe("script");
        expect(el.children.map((c) => c.data).join("")).toBe(out);
      },
    ));
});

describe("plainLine", () => {
  it("makes one clean line and cuts at a character boundary", () => {
    expect(plainLine(" a\r\n\tb\u2028c\u0000\u0007d😀😀😀 ", 6)).toBe("a b c…");
    expect(plainLine("😀😀😀", 2)).toBe("😀…");
  });
  it("property: no control or line break, bounded, idempotent", () =>
    check(hostileText(), (s) => {
      const line = plainLine(s, 20);
      expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/);
      expect(line.isWellFormed()).toBe(true);
      expect(Array.from(line).length).toBeLessThanOrEqual(20);
      expect(plainLine(line, 20)).toBe(line);
    }));
});

describe("e-mail", () => {
  const headerNames = async (subject: string) => {
    const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "\r\n" });
    const info = await transport.sendMail({
      from: "a@example.com",
      to: { name: "", address: "b@example.com" },
      subject,
      text: "x",
    });
    const head = (info.message as Buffer).toString("utf8").split("\r\n\r\n")[0]!;
    // unfold continuation lines, then take each header's name
    return head
      .replace(/\r\n[ \t]/g, " ")
      .split("\r\n")
      .map((l) => l.split(":")[0]!.toLowerCase());
  };

  it("a subject cannot add a header", async () => {
    expect(mailHeaderValue("重置\r\nBcc: evil@example.com\nX: y")).toBe("重置 Bcc: evil@example.com X: y");
    const names = await headerNames(mailHeaderValue("重置\r\nBcc: evil@example.com"));
    expect(names).not.toContain("bcc");
    expect(names.filter((n) => n === "subject")).toHaveLength(1);
  });
  it("property: header values are one line and idempotent; bodies have LF line ends only", () =>
    check(hostileText(), (s) => {
      const h = mailHeaderValue(s);
      expect(h).not.toMatch(/[\r\n\0]/);
      expect(mailHeaderValue(h)).toBe(h);
      const body = mailPlainText(s);
      expect(body).not.toMatch(/[\r\0\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f]/);
      expect(body.isWellFormed()).toBe(true);
      expect(mailPlainText(body)).toBe(body);
    }));
  it("accepts one bare address and nothing a header parser could split", () => {
    expect(mailAddress(" a.b+c@example.com ")).toBe("a.b+c@example.com");
    for (const bad of ["a@x.com, b@y.com", "a@x.com\r\nBcc: c@z.com", "Eve <e@x.com>", "a@b@c", "noat"])
      expect(() => mailAddress(bad)).toThrow(TypeError);
  });
});
