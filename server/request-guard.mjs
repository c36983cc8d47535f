// @ts-check
// What our HTTP server decides before Next.js sees a request, in order: a malformed path is a
// 400, a declared body over its route's limit a 413 at once (nothing read), a chunked body is
// cut off with a 413 when it passes the limit, and an expensive route past its concurrency is a
// 503 with Retry-After. Everything else goes to `serve` (Next.js) untouched.
import { RETRY_AFTER_SECONDS, busyMessage, gateKind } from "./concurrency-gate.mjs";
import { isMalformedPath } from "./malformed-path.mjs";
import { refuse, silence } from "./refusal.mjs";
import { jsonDepthMeter } from "../lib/content/json-depth.mjs";
import {
  BODY_LIMITS,
  bodyKind,
  capBody,
  declaresTooMuch,
  inspectBody,
  tooLargeMessage,
} from "./request-limits.mjs";

const MALFORMED_PATH_MESSAGE = "网址中含有无法识别的字符，请检查链接是否完整后重试。";
export const TOO_DEEP_MESSAGE = "提交的内容嵌套层级过深，请刷新页面后重试。";

/**
 * A server action called with JSON arguments (not a multipart form): React's decodeReply revives
 * them recursively and overflows the stack (a 500) at ~3,000 levels, before our schemas run.
 * @param {import("node:http").IncomingMessage} req
 */
const isJsonAction = (req) =>
  req.method === "POST" &&
  req.headers["next-action"] !== undefined &&
  !/multipart\//i.test(String(req.headers["content-type"] ?? ""));

/**
 * @param {{
 *   gates: Record<"search" | "upload" | "action", { acquire(): Promise<(() => void) | null> }>,
 *   limits?: Record<import("./request-limits.mjs").BodyKind, number>,
 * }} opts
 * @returns {(req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse, serve: () => void) => void}
 */
export function createRequestGuard({ gates, limits = BODY_LIMITS }) {
  return function guard(req, res, next) {
    // A client that sent `Expect: 100-continue` (curl does for bodies over 1 KB) sends the body
    // only once admitted, so a refusal or a wait in a queue costs it nothing
    // (the server routes such requests here through its "checkContinue" event).
    const serve = () => {
      if (/100-continue/i.test(String(req.headers.expect ?? ""))) res.writeContinue();
      next();
    };
    const url = req.url ?? "/";
    if (isMalformedPath(url)) return void refuse(req, res, 400, MALFORMED_PATH_MESSAGE);
    // classify by the decoded path: /%73earch is /search to Next.js' router too
    const pathname = decodeURIComponent(url.split("?")[0] ?? "");

    const kind = bodyKind(req.method, pathname);
    const limit = limits[kind];
    if (declaresTooMuch(req.headers, limit)) return void refuse(req, res, 413, tooLargeMessage(kind, limit));
    capBody(req, limit, () => {
      // a chunked body passed the limit while Next.js reads it: our 413 if nothing was sent yet
      if (refuse(req, res, 413, tooLargeMessage(kind, limit))) silence(res);
      else req.socket.destroy();
    });

    if (isJsonAction(req)) {
      const meter = jsonDepthMeter();
      inspectBody(
        req,
        (chunk) => meter.push(chunk),
        () => {
          if (refuse(req, res, 400, TOO_DEEP_MESSAGE)) silence(res);
          else req.socket.destroy();
        },
      );
    }

    const gate = gateKind(req.method, pathname);
    if (!gate) return serve();
    gates[gate].acquire().then((release) => {
      if (!release)
        return void refuse(req, res, 503, busyMessage(gate), {
          headers: { "Retry-After": String(RETRY_AFTER_SECONDS) },
          keepAlive: true,
        });
      // the client gave up while it waited
      if (req.socket.destroyed) return release();
      res.once("close", release);
      serve();
    });
  };
}
