import crypto from "node:crypto";

// Demo covers, figures and avatars are drawn as SVG (no external images) and stored as uploads
// are: rasterised by sharp and saved through the media pipeline, so covers and figures get the
// same WebP renditions as an editor's photo (prisma/seed/lib/pictures.ts). They carry no text: a
// server without CJK fonts would draw it as boxes, and a reader's browser laying out SVG text was
// the costliest part of the demo home page's main-thread work.
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
const digest = (seed: string) => crypto.createHash("sha1").update(seed).digest();

/** An abstract 1200 × 630 cover: the seed picks the colours and where the shapes sit. */
export function coverSvg(seed: string): string {
  const d = digest(seed);
  const [a, b] = palettes[d[0]! % palettes.length]!;
  const x = 820 + (d[1]! % 240);
  const y = 120 + (d[2]! % 360);
  const bars = [0, 1, 2, 3, 4]
    .map((i) => {
      const h = 60 + (d[3 + i]! % 220);
      return `<rect x="${90 + i * 70}" y="${520 - h}" width="44" height="${h}" rx="6" fill="#fff" fill-opacity=".${2 + (i % 3)}"/>`;
    })
    .join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${a}"/><stop offset="1" stop-color="${b}"/></linearGradient>
<pattern id="p" width="40" height="40" patternUnits="userSpaceOnUse"><path d="M40 0H0V40" fill="none" stroke="#fff" stroke-opacity=".07"/></pattern></defs>
<rect width="1200" height="630" fill="url(#g)"/><rect width="1200" height="630" fill="url(#p)"/>
<circle cx="${x}" cy="${y}" r="220" fill="#fff" fill-opacity=".06"/><circle cx="${x + 60}" cy="${y + 300}" r="120" fill="#fff" fill-opacity=".05"/>
${bars}<path d="M90 540H490" stroke="#fff" stroke-opacity=".5" stroke-width="4"/>
</svg>`;
}

/** A 256 × 256 avatar: a head-and-shoulders silhouette on the author's colour. */
export function avatarSvg(color: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">
<rect width="256" height="256" fill="${esc(color)}"/>
<circle cx="128" cy="100" r="48" fill="#fff" fill-opacity=".85"/>
<path d="M40 256c6-62 44-94 88-94s82 32 88 94z" fill="#fff" fill-opacity=".85"/>
</svg>`;
}

/** A short deterministic public id ("om8k"-style) so re-seeding keeps URLs stable. */
export function publicIdFor(key: string, length = 5): string {
  const n = crypto.createHash("sha256").update(key).digest().readUInt32BE(0);
  return n.toString(36).padStart(length, "0").slice(-length);
}
