import type { QaFinding } from "@/lib/translation/types";
import { normalizeForQa } from "./normalize";
import { extractTokens, type QaToken, type TokenCode } from "./tokens";

const LABEL: Record<TokenCode, string> = {
  code: "代码",
  url: "网址",
  cvss: "CVSS 评分或向量",
  cve: "CVE 编号",
  ip: "IP 地址",
  hash: "哈希值",
  path: "文件路径",
  domain: "域名",
  version: "版本号",
  number: "数字",
};

type Side = { tokens: QaToken[]; values: Set<string>; text: string };

function side(text: string): Side {
  const normal = normalizeForQa(text);
  const tokens = extractTokens(normal);
  return { tokens, values: new Set(tokens.map((t) => t.value)), text: normal.toLowerCase() };
}

// "1.2.3" is not in "1.2.3-rc1", "evil.com" is not in "notevil.com", CVE-2024-340 is not in CVE-2024-3400
function containsToken(hay: string, needle: string): boolean {
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) {
    const before = hay[i - 1] ?? " ";
    const after = hay.slice(i + needle.length, i + needle.length + 2);
    if (!/[\w.-]/.test(before) && !/^(?:\w|[.\-/]\w)/.test(after)) return true;
  }
  return false;
}

function isIn(t: QaToken, other: Side): boolean {
  if (other.values.has(t.value)) return true;
  // numbers and scores compare as values only: "5" is contained in almost any text
  return t.code !== "number" && t.code !== "cvss" && containsToken(other.text, t.value);
}

const unique = (tokens: QaToken[]) => [...new Map(tokens.map((t) => [`${t.code}:${t.value}`, t])).values()];

/**
 * Tokens that must be carried from the source to the target exactly. A source token missing from the
 * target is an error (a plain number only a warning: translations legitimately rewrite counts);
 * a target token of a strict kind that the source lacks is an error too. A missing and an extra token of
 * the same kind are reported once, as a mismatch (CVE-2024-3400 typed as CVE-2024-3040).
 */
export function checkTokens(segmentId: string, sourceText: string, targetText: string): QaFinding[] {
  const source = side(sourceText);
  const target = side(targetText);
  const missing = unique(source.tokens).filter((t) => !isIn(t, target));
  const extra = unique(target.tokens).filter((t) => t.code !== "number" && !isIn(t, source));
  const findings: QaFinding[] = [];
  for (const m of missing) {
    const i = extra.findIndex((e) => e.code === m.code);
    const e = i >= 0 ? extra.splice(i, 1)[0] : undefined;
    const severity = m.code === "number" ? "warning" : "error";
    const label = LABEL[m.code];
    findings.push(
      e
        ? {
            code: m.code,
            severity,
            segmentId,
            source: m.display,
            target: e.display,
            message: `${label}与原文不一致：原文为“${m.display}”，译文为“${e.display}”，请改为与原文相同。`,
          }
        : {
            code: m.code,
            severity,
            segmentId,
            source: m.display,
            message:
              m.code === "number"
                ? `原文中的数字“${m.display}”在译文中没有找到，请核对。`
                : `原文中的${label}“${m.display}”在译文中没有找到，请照原样保留。`,
          },
    );
  }
  for (const e of extra) {
    findings.push({
      code: e.code,
      severity: "error",
      segmentId,
      target: e.display,
      message: `译文中的${LABEL[e.code]}“${e.display}”不在原文中，请核对是否输入有误。`,
    });
  }
  return findings;
}
