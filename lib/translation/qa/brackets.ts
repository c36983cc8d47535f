import type { QaFinding } from "@/lib/translation/types";

const CLOSER_OF: Record<string, string> = {
  "（": "）",
  "(": ")",
  "【": "】",
  "[": "]",
  "《": "》",
  "“": "”",
  "‘": "’",
  "「": "」",
  "『": "』",
};
const OPENER_OF = Object.fromEntries(Object.entries(CLOSER_OF).map(([o, c]) => [c, o]));
const QUOTES = new Set(["“", "”", "‘", "’", "「", "」", "『", "』"]);
const ASCII = new Set(["(", ")", "[", "]"]);

// Code and URLs may hold brackets of their own (regexes, Wikipedia links).
const strip = (text: string) => text.replace(/`[^`\n]*`|\b(?:https?|hxxps?):\/\/[^\s\u0080-\uFFFF]+/gi, " ");

const ALL = new Set([...Object.keys(CLOSER_OF), ...Object.values(CLOSER_OF)]);

/** Characters left without a partner, in order. */
function unpaired(text: string): string[] {
  const stack: string[] = [];
  const lone: string[] = [];
  let prev = "";
  for (const c of strip(text).replace(/^\s*[0-9A-Za-z一二三四五六七八九十]{1,2}[)）]/, "")) {
    const before = prev;
    prev = c;
    if (!ALL.has(c)) continue;
    if (c === "’" && stack.at(-1) !== "‘" && /[A-Za-z]/.test(before)) continue; // an apostrophe
    if (c in CLOSER_OF) stack.push(c);
    else if (stack.at(-1) === OPENER_OF[c]) stack.pop();
    else lone.push(c);
  }
  return [...lone, ...stack];
}

/**
 * Unbalanced brackets and quotes in the target. An ASCII bracket the English source leaves unpaired
 * too (a smiley, an "a)" list label) is the source's, not a translation slip.
 */
export function checkBrackets(segmentId: string, sourceText: string, targetText: string): QaFinding[] {
  const inSource = new Set(unpaired(sourceText).filter((c) => ASCII.has(c)));
  const lone = unpaired(targetText).filter((c) => !inSource.has(c));
  const findings: QaFinding[] = [];
  for (const code of ["brackets", "quotes"] as const) {
    const chars = lone.filter((c) => QUOTES.has(c) === (code === "quotes"));
    if (chars.length === 0) continue;
    const what = code === "quotes" ? "引号" : "括号";
    // a long run of strays would make an unreadable message: name the first few, count the rest
    const named = chars
      .slice(0, 3)
      .map((c) =>
        c in CLOSER_OF ? `“${c}”缺少对应的“${CLOSER_OF[c]}”` : `“${c}”缺少对应的“${OPENER_OF[c]}”`,
      );
    const detail = named.join("，") + (chars.length > 3 ? `，另有 ${chars.length - 3} 处` : "");
    findings.push({
      code,
      severity: "warning",
      segmentId,
      target: chars.slice(0, 3).join(""),
      message: `译文中的${what}不成对：${detail}。`,
    });
  }
  return findings;
}
