"use client";

import { DEFAULT_SITE_NAME } from "@/lib/services/settings/keys";

// A client component with nothing per request: every page's payload then carries a reference to
// it instead of its SVG (about 0.9 KB per page, twice with the escaping), and the bytes travel
// once, in a cached script. Server-rendered as usual, so the logo is in the HTML.

/** The signature stroke on a blue tile, alone (a renamed site without an uploaded logo) or in the wordmark. */
export function Mark() {
  return (
    <>
      <rect width="36" height="36" rx="8" fill="#1f58bf" />
      <path
        d="M7 24c3-9 6-13 8-11s-2 9 1 9 4-8 7-8-1 7 2 7 4-3 5-5"
        fill="none"
        stroke="#fff"
        strokeWidth="2.6"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
      <path d="M8 29h20" stroke="#9fc0ff" strokeWidth="2" strokeLinecap="round" />
    </>
  );
}

/**
 * Our wordmark: the mark, then 署名 and Byline. Inline SVG so it needs no request and scales
 * crisply; the text inherits the page's CJK font.
 */
export function Wordmark({ className }: { className?: string }) {
  return (
    <svg
      viewBox="0 0 172 36"
      role="img"
      aria-label={DEFAULT_SITE_NAME}
      className={className}
      xmlns="http://www.w3.org/2000/svg"
    >
      {Mark()}
      <text x="46" y="25" fontSize="21" fontWeight="700" fill="#1c2330" letterSpacing="1">
        署名
      </text>
      <text
        x="95"
        y="25"
        fontSize="19"
        fontWeight="600"
        fill="#1f58bf"
        fontFamily="Georgia, 'Times New Roman', serif"
        fontStyle="italic"
      >
        Byline
      </text>
    </svg>
  );
}
