// a full-width character (Chinese, Japanese, Korean, full-width punctuation) takes two columns
const WIDE =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u;

/** Cuts text to `columns` display columns (a CJK character is 2, others 1), ending in "…" when cut. */
export function clip(text: string, columns: number): string {
  const s = text.replace(/\s+/g, " ").trim();
  let used = 0;
  let out = "";
  for (const ch of s) {
    used += WIDE.test(ch) ? 2 : 1;
    if (used > columns) return out.trimEnd() + "…";
    out += ch;
  }
  return out;
}

export type SeoSnippet = {
  title: string;
  description: string;
  isTitleFallback: boolean;
  isDescriptionFallback: boolean;
};

/**
 * What a search engine shows for the article: the SEO title or else the title (about 30 Chinese
 * characters or 60 Latin ones), the SEO description or else the lede (about 80 Chinese characters).
 */
export function seoSnippet(f: {
  title: string;
  lede: string;
  seoTitle: string;
  seoDescription: string;
}): SeoSnippet {
  const title = f.seoTitle.trim() || f.title.trim();
  const description = f.seoDescription.trim() || f.lede.trim();
  return {
    title: clip(title, 60),
    description: clip(description, 160),
    isTitleFallback: !f.seoTitle.trim(),
    isDescriptionFallback: !f.seoDescription.trim(),
  };
}
