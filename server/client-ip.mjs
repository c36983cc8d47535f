// @ts-check
// The client's address, decided once per request by our server and handed to Next.js in a header
// that lib/security/client-ip.ts reads (rate limits, the audit log).

/**
 * How many reverse proxies of ours sit in front (0: clients connect directly). Decides which
 * address lib/security/client-ip.ts sees; see resolveClientIp for the rule.
 */
export const TRUST_PROXY_HOPS = Math.max(0, Number(process.env.TRUST_PROXY_HOPS ?? 0) || 0);

/**
 * Where a socket's address starts: past the `::ffff:` of an IPv4 client of a dual-stack socket.
 * (Its first character first: this runs for every page sent.)
 * @param {string} address
 */
export const socketAddressStart = (address) =>
  address.charCodeAt(0) === 0x3a && address.startsWith("::ffff:") ? 7 : 0;

/**
 * The client address: the socket's, or the one `hops` proxies back in X-Forwarded-For (each
 * proxy appends the address it received from, so only the rightmost entries are trustworthy).
 * @param {string | undefined} socketAddress
 * @param {string | string[] | undefined} forwardedFor
 * @param {number} hops
 */
export function resolveClientIp(socketAddress, forwardedFor, hops) {
  const address = socketAddress ?? "";
  const start = socketAddressStart(address);
  const socket = start ? address.slice(start) : address;
  if (hops <= 0 || typeof forwardedFor !== "string") return socket;
  const chain = forwardedFor
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return chain[chain.length - hops] ?? chain[0] ?? socket;
}

/**
 * Overwrites any client-sent value: rate limits and the audit log must not take an address on trust.
 * @param {import("node:http").IncomingMessage} req
 * @param {string} [socketAddress] the connection's peer address when the caller has it (graceful-close.mjs)
 */
export function stampClientIp(req, socketAddress = req.socket?.remoteAddress) {
  req.headers["x-byline-client-ip"] = resolveClientIp(
    socketAddress,
    req.headers["x-forwarded-for"],
    TRUST_PROXY_HOPS,
  );
}
