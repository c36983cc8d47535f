import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { checkHop, systemResolve, type HopWording, type Resolver } from "@/lib/net/check-hop";
import { pinnedConnect, type Connector } from "@/lib/net/connect";

/**
 * One POST to a webhook's URL through the shared SSRF guard (lib/net/check-hop.ts) and the
 * pinned connector: no redirects (a 3xx is a failure, never followed into the network), one
 * 10 s deadline for connect, head and body, and at most 4 KB of the answer read, then dropped.
 */

export type PostDeps = { resolve?: Resolver; connect?: Connector; timeoutMs?: number };

export type PostResult = {
  ok: boolean;
  statusCode: number | null;
  durationMs: number;
  error: string | null;
  /** false when trying again cannot help: the guard refused the address */
  isRetryable: boolean;
};

const TIMEOUT_MS = 10_000;
const MAX_RESPONSE_BYTES = 4096;
const USER_AGENT = "Byline-Webhooks/1.0";

const WEBHOOK_WORDING: HopWording = {
  blocked: (host) => `不能发送到内网、本机或云元数据地址：${host}`,
  notFound: (host) => `找不到目标服务器（${host}），请检查地址是否正确。`,
};

let warned = false;
/** Test-only: the e2e and integration receivers listen on 127.0.0.1. Never set in production. */
function webhookLoopbackAllowed(): boolean {
  const on = process.env.BYLINE_TEST_ALLOW_LOOPBACK_WEBHOOKS === "1";
  if (on && !warned) {
    warned = true;
    logger.warn("BYLINE_TEST_ALLOW_LOOPBACK_WEBHOOKS=1: webhooks may reach 127.0.0.1 and ::1 (tests only)");
  }
  return on;
}

/** The guard alone, for saving a webhook: refuses (AppError INVALID, zh-CN) before any connection. */
export async function checkWebhookUrl(url: URL, resolve: Resolver = systemResolve) {
  return checkHop(url, { resolve, allowLoopback: webhookLoopbackAllowed(), wording: WEBHOOK_WORDING });
}

export async function postWebhook(
  rawUrl: string,
  body: string,
  headers: Record<string, string>,
  deps: PostDeps = {},
): Promise<PostResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { ok: false, statusCode: null, durationMs: 0, error: "地址格式不正确。", isRetryable: false };
  }
  let target;
  try {
    target = await checkWebhookUrl(url, deps.resolve);
  } catch (e) {
    const error = e instanceof AppError ? e.message : "地址检查失败。";
    // a name that does not resolve now may resolve later; a refused address stays refused
    const isRetryable = e instanceof AppError && error === WEBHOOK_WORDING.notFound(url.hostname);
    return { ok: false, statusCode: null, durationMs: elapsed(), error, isRetryable };
  }
  const controller = new AbortController();
  const timeoutMs = deps.timeoutMs ?? TIMEOUT_MS;
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const payload = Buffer.from(body, "utf8");
    const res = await (deps.connect ?? pinnedConnect)({
      url,
      address: target.address,
      family: target.family,
      method: "POST",
      body: payload,
      headers: {
        ...headers,
        "user-agent": USER_AGENT,
        "content-type": "application/json; charset=utf-8",
        "content-length": String(payload.length),
      },
      signal: controller.signal,
    });
    let read = 0;
    for await (const chunk of res) {
      read += (chunk as Buffer).length;
      if (read >= MAX_RESPONSE_BYTES) break;
    }
    res.destroy();
    const statusCode = res.statusCode ?? 0;
    const ok = statusCode >= 200 && statusCode < 300;
    const error = ok
      ? null
      : statusCode >= 300 && statusCode < 400
        ? `HTTP ${statusCode}（不跟随重定向）`
        : `HTTP ${statusCode}`;
    return { ok, statusCode, durationMs: elapsed(), error, isRetryable: !ok };
  } catch {
    const error = controller.signal.aborted
      ? `${Math.round(timeoutMs / 1000)} 秒内没有响应`
      : "无法连接目标服务器";
    return { ok: false, statusCode: null, durationMs: elapsed(), error, isRetryable: true };
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}
