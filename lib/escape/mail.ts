import { plainLine } from "./plain-text";

/**
 * E-mail. Header values (subject, display names) are one line: a CR or LF in a header value
 * would start a new header ("\r\nBcc: ..."). nodemailer also folds newlines in headers to spaces
 * and RFC 2047-encodes non-ASCII; this is our own guarantee, so it does not rest on that alone.
 * 200 characters is far more than any subject we write.
 */
export function mailHeaderValue(s: string): string {
  return plainLine(s, 200);
}

const BODY_CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/**
 * A text/plain body: line breaks normalised to LF (nodemailer writes CRLF on the wire), other
 * control characters dropped (a terminal escape in a mail client's source view, a NUL that some
 * MTAs reject), lone surrogates made U+FFFD. No HTML escaping: a plain-text body is not HTML.
 */
export function mailPlainText(s: string): string {
  return s.toWellFormed().replace(/\r\n?/g, "\n").replace(BODY_CONTROLS, "");
}

/**
 * One address, for `to`: a bare address with nothing a header parser could split or extend. A
 * string is parsed by nodemailer as an address list ("a@x, b@y" is two recipients), so callers
 * pass the result as { address } rather than as a string.
 */
export function mailAddress(s: string): string {
  const address = s.trim();
  if (!/^[^\s<>,;:"()[\]\\@]+@[^\s<>,;:"()[\]\\@]+$/.test(address))
    throw new TypeError("mailAddress: not a single bare address");
  return address;
}
