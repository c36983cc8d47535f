import { createRequire } from "node:module";

/**
 * For tests: throws unless `xml` is a well-formed XML 1.0 document. sax in strict mode (the
 * parser rss-parser itself uses) checks the markup; it accepts characters XML forbids, so those
 * are checked here. Returns the number of elements, so a caller can see it parsed something.
 */
type SaxParser = {
  onerror: (e: Error) => void;
  onopentag: () => void;
  write(s: string): SaxParser;
  close(): void;
};
const sax = createRequire(import.meta.url)("sax") as { parser(strict: boolean, opts?: object): SaxParser };

const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

export function assertWellFormedXml(xml: string): number {
  if (!xml.isWellFormed()) throw new Error("XML contains a lone surrogate");
  const bad = FORBIDDEN.exec(xml);
  if (bad)
    throw new Error(`XML contains U+${bad[0].charCodeAt(0).toString(16).padStart(4, "0")} at ${bad.index}`);
  let elements = 0;
  let error: Error | null = null;
  const parser = sax.parser(true, { xmlns: true });
  parser.onerror = (e) => {
    error ??= e;
    throw e;
  };
  parser.onopentag = () => void elements++;
  try {
    parser.write(xml).close();
  } catch (e) {
    error ??= e as Error;
  }
  if (error) throw new Error(`XML is not well-formed: ${(error as Error).message.split("\n")[0]}`);
  return elements;
}
