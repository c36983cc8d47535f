import crypto from "node:crypto";
import type { JSONContent } from "@tiptap/core";
import { db } from "@/lib/db";
import { renderArticle } from "@/lib/content/render";
import { RENDER_VERSION } from "@/lib/content/render-version";
import type { ArticleStatus, Role } from "@/lib/generated/prisma/enums";
import { indexArticle } from "@/lib/search/index-article";

/** Unique suffix: factories never collide, so test files need not clean up after each other. */
export const uid = (n = 8) => crypto.randomBytes(8).toString("hex").slice(0, n);

// A real argon2id hash of "correct horse battery staple" with cheap parameters: factories
// should not spend 50 ms per user. Tests that log in can pass their own hash.
export const TEST_PASSWORD = "correct horse battery staple";
const TEST_HASH =
  "$argon2id$v=19$m=1024,t=1,p=1$bbXe2SRDDWudA2xEaA10Cw$kCO1blEgK5JIJFhAbdmelI9j3bQLf52FoNXxm86DzPw";

export async function createUser(
  opts: {
    role?: Role;
    displayName?: string;
    bio?: string | null;
    email?: string;
    passwordHash?: string;
  } = {},
) {
  const id = uid();
  return db.user.create({
    data: {
      email: opts.email ?? `user-${id}@test.local`,
      passwordHash: opts.passwordHash ?? TEST_HASH,
      role: opts.role ?? "READER",
      profile: {
        create: {
          publicId: `u${id}`.slice(0, 12),
          displayName: opts.displayName ?? `用户${id.slice(0, 4)}`,
          bio: opts.bio ?? null,
        },
      },
    },
    include: { profile: true },
  });
}

export async function createCategory(opts: { name?: string; slug?: string; position?: number } = {}) {
  const id = uid(6);
  return db.category.create({
    data: { slug: opts.slug ?? `cat-${id}`, name: opts.name ?? `分类${id}`, position: opts.position ?? 0 },
  });
}

export async function createTag(opts: { name?: string } = {}) {
  const id = uid(6);
  return db.tag.create({ data: { slug: `tag-${id}`, name: opts.name ?? `标签${id}` } });
}

export const paragraphs = (...texts: string[]): JSONContent => ({
  type: "doc",
  content: texts.map((t) => ({ type: "paragraph", content: [{ type: "text", text: t }] })),
});

type ArticleOpts = {
  authorId?: string;
  translatorId?: string | null;
  categoryId?: number;
  status?: ArticleStatus;
  title?: string;
  lede?: string;
  body?: JSONContent;
  publishedAt?: Date | null;
  tagIds?: number[];
  viewCount?: number;
  isFeatured?: boolean;
  source?: { url: string; title: string; author: string; site: string; publishedAt: Date };
};

/** An article rendered and indexed exactly as the services do it. PUBLISHED articles default to an hour ago. */
export async function createArticle(opts: ArticleOpts = {}) {
  const id = uid();
  const authorId = opts.authorId ?? (await createUser({ role: "EDITOR" })).id;
  const categoryId = opts.categoryId ?? (await createCategory()).id;
  const status = opts.status ?? "PUBLISHED";
  const body = opts.body ?? paragraphs(`测试正文 ${id}`);
  const r = renderArticle(body);
  const title = opts.title ?? `测试文章 ${id}`;
  const lede = opts.lede ?? "";
  const article = await db.article.create({
    data: {
      publicId: `t${id}`.slice(0, 10),
      title,
      lede,
      bodyJson: body as object,
      bodyHtml: r.html,
      renderVersion: RENDER_VERSION,
      bodyText: r.text,
      status,
      publishedAt:
        opts.publishedAt !== undefined
          ? opts.publishedAt
          : status === "PUBLISHED"
            ? new Date(Date.now() - 3_600_000)
            : null,
      authorId,
      translatorId: opts.translatorId ?? null,
      categoryId,
      viewCount: opts.viewCount ?? 0,
      isFeatured: opts.isFeatured ?? false,
      sourceUrl: opts.source?.url,
      sourceTitle: opts.source?.title,
      sourceAuthor: opts.source?.author,
      sourceSite: opts.source?.site,
      sourceLanguage: opts.source ? "en" : null,
      sourcePublishedAt: opts.source?.publishedAt,
      tags: opts.tagIds ? { create: opts.tagIds.map((tagId) => ({ tagId })) } : undefined,
    },
  });
  await indexArticle(db, { id: article.id, title, lede, bodyText: r.text });
  return article;
}
