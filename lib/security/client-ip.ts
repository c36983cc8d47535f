/**
 * The client's address as our HTTP server saw it. server/http-server.mjs overwrites
 * `x-byline-client-ip` on every request (from the socket, or from X-Forwarded-For when
 * TRUST_PROXY_HOPS says how many proxies of ours sit in front), so a client cannot choose its
 * own address for rate limits and the audit log by sending X-Forwarded-For itself.
 */
const CLIENT_IP_HEADER = "x-byline-client-ip";

export function clientIpOf(headers: Headers): string | null {
  return headers.get(CLIENT_IP_HEADER) || null;
}
