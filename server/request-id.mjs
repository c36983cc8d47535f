// @ts-check
// One id per request, end to end: the front's (nginx $request_id, sent as X-Request-Id) when it
// looks like one, else a fresh one; echoed in the response's X-Request-Id and carried in every log
// line written while the request is handled (lib/logger.ts reads it from the context below, which
// survives the awaits inside Next.js: same process, AsyncLocalStorage).
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

/** What a relayed id may look like: nginx's is 32 hex digits; bounded, no spaces or quotes. */
const RELAYED = /^[A-Za-z0-9._-]{8,64}$/;

/** @type {AsyncLocalStorage<{ requestId: string }>} */
const context = new AsyncLocalStorage();
// the logger lives in Next.js' bundles (a separate module graph) and finds the context here
/** @type {{ __bylineRequestContext?: unknown }} */ (globalThis).__bylineRequestContext = context;

/** @param {string | string[] | undefined} relayed */
export function requestIdFrom(relayed) {
  const value = Array.isArray(relayed) ? relayed[0] : relayed;
  return value && RELAYED.test(value) ? value : randomUUID().replaceAll("-", "");
}

/**
 * Stamps the request and response with their id and runs `next` inside its context.
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 * @param {() => void} next
 */
export function withRequestId(req, res, next) {
  const requestId = requestIdFrom(req.headers["x-request-id"]);
  req.headers["x-request-id"] = requestId;
  res.setHeader("x-request-id", requestId);
  context.run({ requestId }, next);
}

/** The id of the request being handled, if any. */
export const currentRequestId = () => context.getStore()?.requestId;
