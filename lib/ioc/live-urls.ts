import { detectIoc } from "./detect";

/** One textblock of a document outside IOC blocks: its text and the addresses of its links. */
export type BodyBlock = { text: string; hrefs: readonly string[] };
export type LiveUrl = { url: string; reasons: string[] };

// a URL written out, ending at white space, quotes, angle brackets or Chinese punctuation
const URL_IN_TEXT = /\b(?:https?|ftp):\/\/[^\s<>"'`\u3000-\u303F\uFF01-\uFF0F\uFF1A-\uFF20]+/gi;
const TRAILING = /[.,;:!?)\]}]+$/;
const RISKY_FILE =
  /\.(?:exe|dll|scr|bat|cmd|ps1|vbs|vbe|js|jse|hta|lnk|msi|jar|iso|img|zip|rar|7z|docm|xlsm|pptm|apk|elf|sh|bin)(?:$|[?#])/i;
const ABUSED_TLD =
  /\.(?:top|xyz|zip|mov|tk|ml|ga|cf|gq|icu|cyou|rest|buzz|click|country|kim|work|loan|su|onion)$/i;
const MALICIOUS_WORDS =
  /C2|C&C|恶意|钓鱼|木马|后门|回连|载荷|挖矿|勒索|窃密|下载器|payload|malware|phishing|dropper|backdoor|ransomware/i;
const MAX_FINDINGS = 20;

function reasonsFor(url: string, blockText: string): string[] {
  const m = /^[a-z]+:\/\/(?:[^@/?#]*@)?(\[[^\]]*\]|[^/?#:]+)(:\d+)?([^?#]*)/i.exec(url);
  if (!m) return [];
  const [, host = "", port, path = ""] = m;
  const out: string[] = [];
  const asHost = detectIoc(host.replace(/^\[|\]$/g, ""));
  if (asHost?.type === "ipv4" || asHost?.type === "ipv6") out.push("主机是 IP 地址");
  if (port && port !== ":80" && port !== ":443") out.push("使用非常见端口");
  if (RISKY_FILE.test(path)) out.push("指向可执行文件、脚本或宏文档");
  if (ABUSED_TLD.test(host)) out.push("使用常被滥用的顶级域名");
  if (MALICIOUS_WORDS.test(blockText)) out.push("所在段落提到恶意活动");
  return out;
}

/**
 * The QA check for body text outside IOC blocks (issue 16): URLs written out or linked that look
 * malicious (an IP host, an odd port, an executable, an often abused TLD, or a paragraph about
 * C2, phishing, malware…) and are still live, so a reader, a feed reader or a chat app could
 * open them. A warning, not an error: the author decides, the editor offers to move them into
 * an IOC block, where they are shown defanged. Each URL is named once.
 */
export function findLiveIocUrls(blocks: readonly BodyBlock[]): LiveUrl[] {
  const found = new Map<string, string[]>();
  for (const block of blocks) {
    const urls = [...block.text.matchAll(URL_IN_TEXT)].map((m) => m[0].replace(TRAILING, ""));
    for (const url of [...urls, ...block.hrefs.filter((h) => /^(?:https?|ftp):\/\//i.test(h))]) {
      if (found.has(url) || found.size >= MAX_FINDINGS) continue;
      const reasons = reasonsFor(url, block.text);
      if (reasons.length) found.set(url, reasons);
    }
  }
  return [...found].map(([url, reasons]) => ({ url, reasons }));
}
