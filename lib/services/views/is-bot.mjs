// @ts-check
/**
 * User agents that must never count as a view. The approach of the `isbot` package (one
 * case-insensitive regexp of crawler fragments) without the dependency: search engines,
 * social link unfurlers, monitoring, headless browsers and HTTP libraries. A missing or
 * very short user agent is treated as a bot too; real browsers always send a long one.
 */
const fragments = [
  "bot",
  "crawl",
  "spider",
  "slurp",
  "scrap",
  "fetch",
  "archiver",
  "indexer",
  "preview",
  "baiduspider",
  "bingpreview",
  "yisouspider",
  "sogou",
  "360spider",
  "haosouspider",
  "bytespider",
  "petalbot",
  "mediapartners",
  "adsbot",
  "feedfetcher",
  "facebookexternalhit",
  "embedly",
  "quora link preview",
  "whatsapp",
  "telegram",
  "skypeuripreview",
  "slack",
  "discord",
  "vkshare",
  "pinterest",
  "headlesschrome",
  "phantomjs",
  "lighthouse",
  "pagespeed",
  "gtmetrix",
  "pingdom",
  "uptime",
  "monitor",
  "check_http",
  "nagios",
  "zgrab",
  "masscan",
  "nmap",
  "nikto",
  "sqlmap",
  "curl/",
  "wget/",
  "httpie",
  "python-requests",
  "python-urllib",
  "aiohttp",
  "httpx",
  "go-http-client",
  "java/",
  "okhttp",
  "apache-httpclient",
  "libwww-perl",
  "node-fetch",
  "undici",
  "axios/",
  "postmanruntime",
  "insomnia",
  "ruby",
  "php/",
  "dart:io",
  "feedly",
  "inoreader",
  "newsblur",
];

const pattern = new RegExp(fragments.map((f) => f.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")).join("|"), "i");

/**
 * Shared by the Next.js route (signed-in readers) and the server's beacon (server/view-beacon.mjs).
 * @param {string | null | undefined} userAgent
 * @returns {boolean}
 */
export function isBot(userAgent) {
  const ua = userAgent?.trim() ?? "";
  if (ua.length < 20) return true;
  return pattern.test(ua);
}
