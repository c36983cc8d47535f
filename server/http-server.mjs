// The HTTP server around Next.js. Before Next.js sees a request: a malformed path is a 400, a
// body over its route's limit a 413, an expensive route past its concurrency a 503 (each with a
// zh-CN page or JSON, see refusal.mjs). Graceful shutdown: on SIGTERM stop accepting, finish
// every accepted request for up to 10 s (graceful-close.mjs), then run shutdown hooks
// (view-count flush, database).
import { randomBytes } from "node:crypto";
import path from "node:path";
import http from "node:http";
import compression from "compression";
import { readRenderNonce } from "./render-nonce.mjs";
import { applyScriptNonce } from "./script-nonce.mjs";
import { trustedInlineScripts } from "./trusted-inline-scripts.cjs";
import { installPageCacheHook } from "./page-cache-handler.cjs";
import { root } from "./run.mjs";
import { gatesFromEnv } from "./concurrency-gate.mjs";
import { trackConnections } from "./graceful-close.mjs";
import { createRequestGuard } from "./request-guard.mjs";

// How many reverse proxies of ours sit in front (0: clients connect directly). Decides which
// address lib/security/client-ip.ts sees; see resolveClientIp there for the rule.
const TRUST_PROXY_HOPS = Math.max(0, Number(process.env.TRUST_PROXY_HOPS ?? 0) || 0);

/**
 * The client address: the socket's, or the one `hops` proxies back in X-Forwarded-For (each
 * proxy appends the address it received from, so only the rightmost entries are trustworthy).
 */
export function resolveClientIp(socketAddress, forwardedFor, hops) {
  const socket = (socketAddress ?? "").replace(/^::ffff:/, "");
  if (hops <= 0 || typeof forwardedFor !== "string") return socket;
  const chain = forwardedFor
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return chain[chain.length - hops] ?? chain[0] ?? socket;
}

/** Overwrites any client-sent value: rate limits and the audit log must not take an address on trust. */
function stampClientIp(req) {
  req.headers["x-byline-client-ip"] = resolveClientIp(
    req.socket?.remoteAddress,
    req.headers["x-forwarded-for"],
    TRUST_PROXY_HOPS,
  );
}

/** Responses whose bytes never carry a nonce: build assets and uploaded media. */
const UNCHANGED_BYTES = /^\/(_next\/static|media)\//;

/** Nonce CSP is on unless BYLINE_CSP_NONCE=0 (the escape hatch; proxy.ts reads the same switch). */
const cspNonceEnabled = () => process.env.BYLINE_CSP_NONCE !== "0";

export async function startServer({
  dev = false,
  port = 3000,
  hostname = "0.0.0.0",
  log = console.log,
} = {}) {
  // before Next.js creates its page cache: stored pages report their inline scripts
  if (!dev) installPageCacheHook();
  const { default: next } = await import("next");
  const app = next({ dev, dir: root, hostname, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const compress = compression();
  const nonceCsp = cspNonceEnabled();
  // See script-nonce.mjs: Next.js renders with this fixed secret placeholder (so cached HTML
  // stays valid across requests and restarts of the same build), every response gets a fresh
  // nonce instead. Same length as a real nonce (16 bytes, base64): flight data inside pages
  // repeats the nonce in length-prefixed rows, so the swap must not change any length.
  const distDir = path.join(root, process.env.NEXT_DIST_DIR || ".next");
  const placeholder = readRenderNonce(distDir) ?? randomBytes(16).toString("base64");
  // the pages already in the page cache; Next.js reports every later one (page-cache-handler.cjs)
  const trustedScripts = dev ? new Set() : trustedInlineScripts().scan(path.join(distDir, "server", "app"));
  const guard = createRequestGuard({ gates: gatesFromEnv() });

  function serve(req, res) {
    // one CSP nonce per response, known only here: Next.js renders with the placeholder
    // (proxy.ts), the rewrite puts this nonce in the body and the policy header; any
    // client-sent x-byline-render-nonce is overwritten
    const nonce = randomBytes(16).toString("base64");
    req.headers["x-byline-render-nonce"] = placeholder;
    // gzip here rather than in Next.js, so the nonce rewrite sees plain HTML
    compress(req, res, () => {
      if (nonceCsp) {
        // A 304 would make the browser reuse a body that carries an earlier response's nonce
        // while this response's header names a new one: every script blocked. Pages are always
        // sent whole; build assets and media keep their conditional requests.
        if (!UNCHANGED_BYTES.test(req.url ?? "")) {
          delete req.headers["if-none-match"];
          delete req.headers["if-modified-since"];
        }
        applyScriptNonce(res, { nonce, placeholder, trustedScripts });
      }
      handle(req, res);
    });
  }

  const onRequest = (req, res) => {
    connections.request(req, res);
    stampClientIp(req);
    guard(req, res, () => serve(req, res));
  };
  const server = http.createServer(onRequest);
  // Expect: 100-continue is answered by the guard, once the request is admitted
  server.on("checkContinue", onRequest);
  const connections = trackConnections(server, { log });
  server.keepAliveTimeout = 5_000;
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, hostname, resolve);
  });

  async function close(timeoutMs = 10_000) {
    log(
      `shutting down: finishing ${connections.inFlight()} in-flight request(s) on ${connections.connections} connection(s), at most ${timeoutMs / 1000}s`,
    );
    await connections.drain(timeoutMs);
    // app-level hooks (lib/shutdown.ts), e.g. flushing buffered view counts
    for (const hook of globalThis.__bylineShutdownHooks ?? []) {
      try {
        await hook();
      } catch (e) {
        log(`shutdown hook failed: ${e?.message ?? e}`);
      }
    }
    await app.close?.();
  }
  return { server, close };
}

/** Runs `close` once on SIGTERM/SIGINT, then exits. */
export function onShutdown(close) {
  let stopping = false;
  const handler = async (signal) => {
    if (stopping) return;
    stopping = true;
    try {
      await close(signal);
    } finally {
      process.exit(0);
    }
  };
  process.on("SIGTERM", handler);
  process.on("SIGINT", handler);
}
