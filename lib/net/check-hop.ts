import { lookup } from "node:dns/promises";
import { AppError } from "@/lib/errors";
import { bareHost, checkAddress, isBlockedHostName, isIpLiteral } from "./address-policy";

/**
 * The one SSRF guard for outgoing requests to URLs someone typed in (source ingestion, webhooks):
 * http(s) only, no credentials in the URL, ports 80/443, the host name resolved once and every
 * address checked against address-policy.ts before any socket opens. The caller then connects
 * to the returned address only (connect.ts pins it), so DNS cannot answer differently later.
 */

export type ResolvedAddress = { address: string; family: 4 | 6 };
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

/** What the caller calls the far side in its refusals ("原文网站", "目标地址"). */
export type HopWording = {
  blocked: (hostname: string) => string;
  notFound: (hostname: string) => string;
};

export const systemResolve: Resolver = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((a) => ({
    address: a.address,
    family: a.family === 6 ? 6 : 4,
  }));

const refuse = (message: string) => new AppError("INVALID", message);

/**
 * The URL's scheme, credentials, port, name and resolved addresses, checked before any connection.
 * `allowLoopback` is the callers' test-only allowance (127.0.0.0/8 and ::1, any port).
 */
export async function checkHop(
  url: URL,
  opts: { resolve: Resolver; allowLoopback: boolean; wording: HopWording },
): Promise<ResolvedAddress> {
  if (url.protocol !== "http:" && url.protocol !== "https:") throw refuse("只支持 http 和 https 链接。");
  if (url.username || url.password) throw refuse("链接中不能包含用户名或密码。");
  const host = bareHost(url.hostname);
  const blocked = () => refuse(opts.wording.blocked(url.hostname));
  if (isBlockedHostName(host)) throw blocked();
  let addresses: ResolvedAddress[];
  try {
    addresses = isIpLiteral(host)
      ? [{ address: host, family: host.includes(":") ? 6 : 4 }]
      : await opts.resolve(host);
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw refuse(opts.wording.notFound(url.hostname));
  }
  if (addresses.length === 0) throw refuse(opts.wording.notFound(url.hostname));
  // every address must pass: a name answering one public and one private address is refused
  const verdicts = addresses.map((a) => checkAddress(a.address, opts.allowLoopback));
  if (verdicts.some((v) => !v.ok)) throw blocked();
  const isLoopback = verdicts.every((v) => v.ok && v.loopback);
  const port = url.port || (url.protocol === "https:" ? "443" : "80");
  if (port !== "80" && port !== "443" && !isLoopback) throw refuse("只支持标准端口（80 和 443）的链接。");
  return addresses[0]!;
}
