import crypto from "node:crypto";

// Demo covers, figures and avatars are drawn as SVG: no external images, and the text renders
// with the reader's own CJK fonts instead of needing fonts on the server.
const palettes = [
  ["#1f58bf", "#0b2a66"],
  ["#0f766e", "#064e3b"],
  ["#b45309", "#7c2d12"],
  ["#7c3aed", "#3b0764"],
  ["#be123c", "#4c0519"],
  ["#334155", "#0f172a"],
];

const esc = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const pick = (seed: string) =>
  palettes[crypto.createHash("sha1").update(seed).digest()[0]! % palettes.length]!;

export function coverSvg(label: string, seed: string, sub = "BYLINE"): string {
  const [a, b] = pick(seed);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${a}"/><stop offset="1" stop-color="${b}"/></linearGradient>
<pattern id="p" width="40" height="40" patternUnits="userSpaceOnUse"><path d="M40 0H0V40" fill="none" stroke="#fff" stroke-opacity=".07"/></pattern></defs>
<rect width="1200" height="630" fill="url(#g)"/><rect width="1200" height="630" fill="url(#p)"/>
<circle cx="1010" cy="140" r="220" fill="#fff" fill-opacity=".06"/><circle cx="1060" cy="520" r="120" fill="#fff" fill-opacity=".05"/>
<text x="80" y="360" font-family="Noto Sans CJK SC, PingFang SC, Microsoft YaHei, sans-serif" font-size="96" font-weight="700" fill="#fff">${esc(label)}</text>
<text x="84" y="440" font-family="Menlo, monospace" font-size="28" letter-spacing="8" fill="#fff" fill-opacity=".7">${esc(sub)}</text>
</svg>`;
}

export function avatarSvg(name: string, color: string): string {
  const initial = [...name][0] ?? "?";
  return `<svg xmlns="http://www.w3.org/2000/svg" width="160" height="160" viewBox="0 0 160 160">
<rect width="160" height="160" rx="80" fill="${esc(color)}"/>
<text x="80" y="104" text-anchor="middle" font-family="Noto Sans CJK SC, PingFang SC, Microsoft YaHei, sans-serif" font-size="72" font-weight="600" fill="#fff">${esc(initial)}</text>
</svg>`;
}

/** A short deterministic public id ("om8k"-style) so re-seeding keeps URLs stable. */
export function publicIdFor(key: string, length = 5): string {
  const n = crypto.createHash("sha256").update(key).digest().readUInt32BE(0);
  return n.toString(36).padStart(length, "0").slice(-length);
}
