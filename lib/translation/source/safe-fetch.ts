import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { checkHop, systemResolve, type HopWording, type Resolver } from "@/lib/net/check-hop";
import { pinnedConnect, type Connector } from "@/lib/net/connect";
import { assertHtmlHead, decodeHtml, readLimited } from "./read-body";

/**
 * Fetches a source page for the translation desk without letting a URL reach inside our network.
 * Every hop, redirects included, passes the shared SSRF guard (lib/net/check-hop.ts: http(s) only,
 * ports 80/443, the host name resolved once and every address checked), then the socket is pinned
 * to the checked address (lib/net/connect.ts).
 * One deadline covers the whole chain, body included; the body stops at the byte limit.
 */

export type { Resolver };

export type FetchSourceOptions = {
  /** validators of the snapshot we have: a 304 answers { notModified: true } */
  etag?: string | null;
  lastModified?: string | null;
  /** injected by tests, so no test resolves a real name or opens a socket outside loopback */
  resolve?: Resolver;
  connect?: Connector;
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
};

export type FetchedSource =
  | { notModified: true }
  | {
      notModified: false;
      url: string;
      finalUrl: string;
      html: string;
      etag: string | null;
      lastModified: string | null;
      fetchedAt: Date;
    };

const SOURCE_LIMITS = { timeoutMs: 10_000, maxBytes: 5 * 1024 * 1024, maxRedirects: 5 };
const USER_AGENT = "BylineSourceFetcher/1.0 (translation desk; +https://github.com/byline)";

const refuse = (message: string) => new AppError("INVALID", message);

const SOURCE_WORDING: HopWording = {
  blocked: (host) => `不能抓取内网、本机或云元数据地址：${host}`,
  notFound: (host) => `找不到原文网站（${host}），请检查链接是否正确。`,
};

let warned = false;
/** Test-only (integration and e2e runs): lets the fixture server on 127.0.0.1 / ::1 through. */
function loopbackAllowed(): boolean {
  const on = process.env.BYLINE_TEST_ALLOW_LOOPBACK_SOURCES === "1";
  if (on && !warned) {
    warned = true;
    logger.warn(
      "BYLINE_TEST_ALLOW_LOOPBACK_SOURCES=1: source fetching may reach 127.0.0.1 and ::1 (tests only)",
    );
  }
  return on;
}

function headersFor(opts: FetchSourceOptions, isFirst: boolean): Record<string, string> {
  const h: Record<string, string> = {
    "user-agent": USER_AGENT,
    accept: "text/html,application/xhtml+xml;q=0.9",
    "accept-encoding": "gzip, deflate, br",
    "accept-language": "en",
  };
  // validators belong to the URL we stored them for, not to wherever it redirects
  if (isFirst && opts.etag) h["if-none-match"] = opts.etag;
  if (isFirst && opts.lastModified) h["if-modified-since"] = opts.lastModified;
  return h;
}

async function runChain(start: URL, opts: FetchSourceOptions, signal: AbortSignal): Promise<FetchedSource> {
  const resolve = opts.resolve ?? systemResolve;
  const connect = opts.connect ?? pinnedConnect;
  const maxBytes = opts.maxBytes ?? SOURCE_LIMITS.maxBytes;
  const maxRedirects = opts.maxRedirects ?? SOURCE_LIMITS.maxRedirects;
  let url = start;
  for (let hop = 0; ; hop++) {
    const { address, family } = await checkHop(url, {
      resolve,
      allowLoopback: loopbackAllowed(),
      wording: SOURCE_WORDING,
    });
    signal.throwIfAborted();
    const res = await connect({ url, address, family, headers: headersFor(opts, hop === 0), signal });
    const status = res.statusCode ?? 0;
    if (status >= 300 && status < 400 && status !== 304) {
      res.destroy();
      const location = res.headers.location;
      if (!location) throw refuse(`原文网站返回了没有目标地址的重定向（HTTP ${status}）。`);
      if (hop + 1 > maxRedirects)
        throw refuse(`重定向次数过多（超过 ${maxRedirects} 次），请直接使用最终的文章链接。`);
      url = new URL(location, url);
      continue;
    }
    if (status === 304 && hop === 0 && (opts.etag || opts.lastModified)) {
      res.destroy();
      return { notModified: true };
    }
    if (status < 200 || status >= 300) {
      res.destroy();
      throw refuse(`原文网站返回了错误（HTTP ${status}），请确认链接可以在浏览器中打开，或改用粘贴原文。`);
    }
    assertHtmlHead(res, maxBytes);
    const html = decodeHtml(await readLimited(res, maxBytes), res.headers["content-type"]);
    const header = (name: string) => {
      const v = res.headers[name];
      return typeof v === "string" && v.length <= 512 ? v : null;
    };
    return {
      notModified: false,
      url: start.href,
      finalUrl: url.href,
      html,
      etag: header("etag"),
      lastModified: header("last-modified"),
      fetchedAt: new Date(),
    };
  }
}

export async function fetchSource(rawUrl: string, opts: FetchSourceOptions = {}): Promise<FetchedSource> {
  let start: URL;
  try {
    start = new URL(rawUrl.trim());
  } catch {
    throw refuse("链接格式不正确，请粘贴完整的文章地址（以 http:// 或 https:// 开头）。");
  }
  const timeoutMs = opts.timeoutMs ?? SOURCE_LIMITS.timeoutMs;
  const controller = new AbortController();
  const timeoutError = refuse(
    `原文网站 ${Math.round(timeoutMs / 1000)} 秒内没有响应完，请稍后重试，或改用粘贴原文。`,
  );
  const timer = setTimeout(() => controller.abort(timeoutError), timeoutMs);
  const expired = new Promise<never>((_, reject) =>
    controller.signal.addEventListener("abort", () => reject(timeoutError), { once: true }),
  );
  expired.catch(() => {});
  try {
    // the race also bounds a resolver or connector that ignores the signal
    const chain = runChain(start, opts, controller.signal);
    chain.catch(() => {}); // after a timeout its late failure has no one to report to
    return await Promise.race([chain, expired]);
  } catch (e) {
    if (controller.signal.aborted) throw timeoutError;
    if (e instanceof AppError) throw e;
    throw refuse("无法连接原文网站，请稍后重试，或改用粘贴原文。");
  } finally {
    clearTimeout(timer);
    controller.abort(); // whatever is still open (a slow body) is torn down
  }
}
