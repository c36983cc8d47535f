import { type IocType, isNetworkType } from "./types";

const SCHEMES: Record<string, string> = { http: "hxxp", https: "hxxps", ftp: "fxp" };
const dots = (s: string) => s.replaceAll(".", "[.]");

/** scheme://authority and the rest (path, query, fragment), as normalizeUrl writes them */
function splitUrl(url: string): [scheme: string, authority: string, rest: string] | null {
  const m = /^([a-z]+):\/\/([^/?#]*)(.*)$/s.exec(url);
  return m ? [m[1]!, m[2]!, m[3]!] : null;
}

/**
 * The defanged form of a normalised indicator: text no browser, mail client or chat app turns
 * into a link (http → hxxp, dots of hosts → [.], @ → [@], IPv6 colons → [:]). Only network
 * types change; a hash, a file name, a registry key or a CVE id is returned as it is. Paths
 * and queries of URLs keep their dots, so the address stays readable.
 */
export function defangIoc(type: IocType, value: string): string {
  if (!isNetworkType(type)) return value;
  switch (type) {
    case "ipv4":
    case "domain":
      return dots(value);
    case "ipv6":
      return value.replaceAll(":", "[:]");
    case "email": {
      const at = value.lastIndexOf("@");
      return `${value.slice(0, at)}[@]${dots(value.slice(at + 1))}`;
    }
    default: {
      const parts = splitUrl(value);
      if (!parts) return dots(value);
      const [scheme, authority, rest] = parts;
      const at = authority.lastIndexOf("@");
      const host = authority.slice(at + 1);
      const user = at >= 0 ? `${authority.slice(0, at)}[@]` : "";
      // an IPv6 literal keeps its brackets and colons: [.] inside them would read as a pattern
      return `${SCHEMES[scheme] ?? scheme}://${user}${host.startsWith("[") ? host : dots(host)}${rest}`;
    }
  }
}

const DOT = /\s*(?:\[\.\]|\(\.\)|\{\.\}|\[dot\]|\(dot\)|\{dot\})\s*/gi;
const AT = /\s*(?:\[@\]|\(@\)|\{@\}|\[at\]|\(at\)|\{at\})\s*/gi;

/**
 * Undoes the usual defanging conventions in pasted text: hxxp(s)/hXXp/fxp schemes, [://],
 * [.] (.) {.} [dot] (dot), [@] [at] (at) and [:]. Meant for indicator lists, not prose: "(at)"
 * in a sentence would become "@".
 */
export function refang(text: string): string {
  return text
    .replace(/\bh(?:xx|XX|Xx|xX)p(s?)(?=\[?:)/g, "http$1")
    .replace(/\bfxp(?=\[?:)/gi, "ftp")
    .replace(/\[:\/\/\]|\[:\]\/\//g, "://")
    .replace(DOT, ".")
    .replace(AT, "@")
    .replaceAll("[:]", ":");
}
