/**
 * The one place cache tags are spelled. Public reads tag their `'use cache'` entries with these;
 * writers (editor, moderation, settings, the article page) invalidate with the same builders, so a
 * typo cannot silently leave a stale page.
 *
 * Ids are the internal ones: `article(Article.id)`, `author(User.id)`; categories and tags by slug
 * because that is what their pages are keyed on.
 */
export const tags = {
  /** every list of published articles: home, category, tag, member, search, feeds, sitemap */
  articles: () => "articles",
  /** one article's page and anything showing that single article */
  article: (articleId: string) => `article:${articleId}`,
  /** the category bar and every place a category name or order is shown */
  categories: () => "categories",
  category: (slug: string) => `category:${slug}`,
  tag: (slug: string) => `tag:${slug}`,
  /** an author's public profile (Profile row) and their article list */
  author: (userId: string) => `author:${userId}`,
  /** approved comments of one article */
  comments: (articleId: string) => `comments:${articleId}`,
  /** the site-wide "latest comments" box on the home page */
  latestComments: () => "comments:latest",
  /** SiteSetting rows (ICP number, copyright, social links) */
  settings: () => "settings",
  /** footer pages (Page rows) */
  page: (slug: string) => `page:${slug}`,
  /** the footer's list of page links (their titles) */
  pages: () => "pages",
  /** one CVE page (/cve/<id>): its metadata and the articles mentioning it (issue 16) */
  cve: (id: string) => `cve:${id}`,
  /** the /cve index and the sitemap's CVE entries */
  cves: () => "cves",
} as const;

type ArticleRef = {
  id: string;
  categorySlug?: string;
  authorId?: string;
  translatorId?: string | null;
  tagSlugs?: string[];
};

/**
 * What to invalidate when an article is published, edited, unpublished or deleted.
 * `revalidateTag(t, "max")` each of these (or `updateTag` inside a server action).
 */
export function articleChangeTags(a: ArticleRef): string[] {
  const out = [tags.articles(), tags.article(a.id)];
  if (a.categorySlug) out.push(tags.category(a.categorySlug));
  if (a.authorId) out.push(tags.author(a.authorId));
  if (a.translatorId) out.push(tags.author(a.translatorId));
  for (const slug of a.tagSlugs ?? []) out.push(tags.tag(slug));
  return out;
}

/** What to invalidate when a comment is approved, edited or removed by moderation. */
export function commentChangeTags(articleId: string): string[] {
  return [tags.comments(articleId), tags.latestComments()];
}
