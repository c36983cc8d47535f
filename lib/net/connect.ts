import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { bareHost } from "./address-policy";

/** One checked hop: where to connect, and the only address the socket may go to. */
type ConnectTarget = {
  url: URL;
  address: string;
  family: 4 | 6;
  headers: Record<string, string>;
  signal: AbortSignal;
  /** GET unless given; a POST carries `body` (webhooks) */
  method?: "GET" | "POST";
  body?: Buffer;
};

/** Opens the request and resolves with the response head; the body is read by the caller. */
export type Connector = (target: ConnectTarget) => Promise<http.IncomingMessage>;

/**
 * A lookup that answers every name with the address the policy checked, so the socket cannot
 * reach anything else: no second DNS query happens between the check and the connect (DNS
 * rebinding). Node asks with `all: true` when it races IPv4 and IPv6 (autoSelectFamily).
 */
function pinnedLookup(address: string, family: 4 | 6): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all)
      (callback as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address, family }]);
    else callback(null, address, family);
  };
}

/** The real connector: http(s).request pinned to the checked address, TLS verified against the name. */
export const pinnedConnect: Connector = (t) =>
  new Promise((resolve, reject) => {
    const client = t.url.protocol === "https:" ? https : http;
    const req = client.request({
      protocol: t.url.protocol,
      host: bareHost(t.url.hostname),
      port: t.url.port || undefined,
      path: `${t.url.pathname}${t.url.search}`,
      method: t.method ?? "GET",
      headers: t.headers,
      lookup: pinnedLookup(t.address, t.family),
      agent: false, // a pooled socket could belong to a different, earlier resolution
      signal: t.signal,
    });
    req.once("response", resolve);
    req.once("error", reject);
    req.end(t.body);
  });
