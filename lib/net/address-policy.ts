import { isIP } from "node:net";
import ipaddr from "ipaddr.js";

/**
 * Which network addresses the source fetcher may connect to. An allowlist: only ipaddr.js's
 * "unicast" range is public. Everything else (loopback, private, link-local with the cloud
 * metadata address 169.254.169.254, CGNAT, 0.0.0.0/8, multicast, broadcast, documentation and
 * other reserved blocks, and IPv6 tunnels such as 6to4, Teredo and NAT64 that can embed a private
 * IPv4 address) is refused. An IPv4-mapped IPv6 address is judged as the IPv4 address it carries.
 */

export type AddressVerdict = { ok: true; loopback: boolean } | { ok: false; range: string };

/** Host names that reach cloud metadata services or the local network whatever DNS answers. */
const BLOCKED_NAMES = new Set(["metadata", "metadata.google.internal", "metadata.goog", "instance-data"]);
const BLOCKED_SUFFIXES = [".localhost", ".local", ".internal", ".home.arpa"];

export function isBlockedHostName(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, "");
  if (name === "localhost" || BLOCKED_NAMES.has(name)) return true;
  return BLOCKED_SUFFIXES.some((s) => name.endsWith(s));
}

/** Strips the brackets WHATWG URL keeps around an IPv6 hostname ("[::1]" → "::1"). */
export const bareHost = (hostname: string) => hostname.replace(/^\[(.*)\]$/, "$1");

/** WHATWG URL has already turned 0x7f000001, 2130706433 and 127.1 into dotted quads. */
export const isIpLiteral = (host: string) => isIP(bareHost(host)) !== 0;

/**
 * Classifies one address. `allowLoopback` (the test-only allowance) lets 127.0.0.0/8 and ::1
 * through and nothing else.
 */
export function checkAddress(address: string, allowLoopback = false): AddressVerdict {
  let ip: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    ip = ipaddr.parse(bareHost(address));
  } catch {
    return { ok: false, range: "invalid" };
  }
  if (ip.kind() === "ipv6" && (ip as ipaddr.IPv6).isIPv4MappedAddress())
    ip = (ip as ipaddr.IPv6).toIPv4Address();
  const range = ip.range();
  if (range === "unicast") return { ok: true, loopback: false };
  if (range === "loopback" && allowLoopback) return { ok: true, loopback: true };
  return { ok: false, range };
}
