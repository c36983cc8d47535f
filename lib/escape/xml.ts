/**
 * XML 1.0 text and attribute values (RSS feeds, sitemap.xml). Plain escaped text, never CDATA:
 * a CDATA section ends at the first "]]>" in the data, and feed readers treat CDATA in
 * <description> as HTML anyway.
 */

// Not allowed anywhere in an XML 1.0 document, even as a character reference: C0 controls other
// than tab, LF and CR, and U+FFFE/U+FFFF. One such character makes a strict parser reject the
// whole feed, so they are dropped. (Lone surrogates are handled by toWellFormed below.)
const XML_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** The string with every character XML 1.0 forbids removed and lone surrogates made U+FFFD. */
export function toXmlChars(s: string): string {
  return s.toWellFormed().replace(XML_INVALID, "");
}

// Hexadecimal references, as the RSS Best Practices Profile recommends for plain text: they are
// read the same way by the widest range of aggregators. ">" is escaped too, so "]]>" never
// appears literally; CR too, because an XML parser turns a literal CR (and CRLF) into LF.
const TEXT: Record<string, string> = { "&": "&#x26;", "<": "&#x3C;", ">": "&#x3E;", "\r": "&#xD;" };
const ATTRIBUTE: Record<string, string> = {
  ...TEXT,
  '"': "&#x22;",
  "'": "&#x27;",
  // attribute-value normalisation would turn these into spaces; as references they survive
  "\t": "&#x9;",
  "\n": "&#xA;",
};

/** Character data of an element: the reader gets exactly `s` back (minus what XML cannot carry). */
export function escapeXmlText(s: string): string {
  return toXmlChars(s).replace(/[&<>\r]/g, (c) => TEXT[c]!);
}

/** A quoted attribute value (either quote style). */
export function escapeXmlAttribute(s: string): string {
  return toXmlChars(s).replace(/[&<>"'\t\n\r]/g, (c) => ATTRIBUTE[c]!);
}
