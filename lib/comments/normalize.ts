/**
 * Text as the comment rules compare it (lib/comments/rules.ts). Spammers dodge a blocked word
 * with full-width letters (ｓｐａｍ), a zero-width space or a soft hyphen inside it (s\u200Bpam),
 * or capitals; all of these read the same to a person, so they must compare the same here.
 * Only for matching: the stored comment keeps the text exactly as written.
 */

// Default_Ignorable_Code_Point covers U+200B-U+200D, U+2060, U+FEFF, the soft hyphen (U+00AD),
// the bidi controls (U+202A-U+202E), variation selectors and the other characters a renderer
// draws as nothing.
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu;

/** NFKC (full-width → half-width, ligatures split), lower-case, invisible characters removed, spaces collapsed. */
export function normalizeForMatch(text: string): string {
  // stripped before NFKC so a hidden character cannot keep two halves from composing, and after
  // it because NFKC can map a visible compatibility character to an ignorable one (U+FFA0 → U+1160)
  return text
    .replace(INVISIBLE, "")
    .normalize("NFKC")
    .toLowerCase()
    .replace(INVISIBLE, "")
    .replace(/\s+/gu, " ")
    .trim();
}
