import pino from "pino";

/**
 * Structured logs: JSON lines in production (for a log shipper), readable in development.
 * Secrets are redacted by path so a careless `log.info({ user })` cannot leak a hash.
 */
const isProd = process.env.NODE_ENV === "production";

type RequestContext = { getStore(): { requestId: string } | undefined };

/** The id of the request this line is written for (server/request-id.mjs), so logs join up. */
export function requestIdMixin(): { reqId?: string } {
  const ctx = (globalThis as { __bylineRequestContext?: RequestContext }).__bylineRequestContext;
  const requestId = ctx?.getStore()?.requestId;
  return requestId ? { reqId: requestId } : {};
}

export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "warn" : "info"),
  base: { app: "byline" },
  mixin: requestIdMixin,
  redact: {
    paths: [
      "*.passwordHash",
      "*.password",
      "*.totpSecret",
      "*.token",
      "*.tokenHash",
      "password",
      "passwordHash",
      "req.headers.cookie",
      "req.headers.authorization",
    ],
    censor: "[redacted]",
  },
  ...(isProd
    ? {}
    : {
        transport: {
          target: "pino-pretty",
          options: { colorize: true, translateTime: "HH:MM:ss", ignore: "pid,hostname,app" },
        },
      }),
});
