/**
 * The per-request Content-Security-Policy (proxy.ts). Headers that do not vary per request are in
 * next.config.js.
 *
 * The script policy is nonce + 'strict-dynamic': only scripts carrying this request's nonce run,
 * and the scripts they load inherit the trust. Host allowlists ('self') are ignored by browsers
 * that understand 'strict-dynamic', so an uploaded or injected same-origin file is not trusted
 * by location. Styles keep 'unsafe-inline' (React style attributes); styles cannot run code.
 */

/**
 * React's one fixed inline script in a prerendered shell (it times the reveal of streamed
 * content). It is allowed by its hash; lib/security/headers.test.ts fails if React changes it.
 */
export const REACT_SHELL_INLINE_SCRIPT = "requestAnimationFrame(function(){$RT=performance.now()});";
const REACT_SHELL_INLINE_HASH = "sha256-7mu4H06fwDCjmnxxr/xNHyuQC6pLTHr4M2E4jXw5WZs=";

export type CspOptions = { nonce: string; dev?: boolean; https?: boolean };

/** Every directive but script-src, which is what the two policies below differ in. */
function policy(scriptSrc: string, https: boolean): string {
  const directives = [
    "default-src 'self'",
    `script-src ${scriptSrc}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "media-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    "manifest-src 'self'",
    "worker-src 'self'",
  ];
  if (https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

export function contentSecurityPolicy({ nonce, dev = false, https = false }: CspOptions): string {
  // React's development build evaluates code for its debugging aids; never in production
  return policy(
    `'nonce-${nonce}' '${REACT_SHELL_INLINE_HASH}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    https,
  );
}

/**
 * The escape hatch (BYLINE_CSP_NONCE=0): no nonces, scripts limited to our origin plus inline
 * ones, everything else of the strict policy kept. For running `next start` or another server
 * that does not do the nonce rewrite of server/http-server.mjs.
 */
export function baselineSecurityPolicy({ https = false }: { https?: boolean } = {}): string {
  return policy("'self' 'unsafe-inline'", https);
}

/** 128 random bits, base64: unguessable per response. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
