import type { Db } from "@/lib/db/client";
import { categories } from "../data/categories";
import { pages } from "../data/pages";
import { tags } from "../data/tags";
import { pageBodyToHtml } from "../lib/page-body";

const defaultSettings: Record<string, unknown> = {
  "site.name": "署名 Byline",
  "site.description": "原创报道与英文安全资讯翻译",
  "site.icp": "沪ICP备2026012345号-1",
  "site.copyright": "© 2026 署名 Byline 版权所有",
  "site.social": [
    { name: "微博", url: "https://weibo.com/" },
    { name: "GitHub", url: "https://github.com/" },
  ],
  "comments.requireApproval": true,
};

export async function seedSite(db: Db) {
  for (const [i, c] of categories.entries()) {
    await db.category.upsert({
      where: { slug: c.slug },
      update: {},
      create: { ...c, position: (i + 1) * 10 },
    });
  }
  for (const t of tags) await db.tag.upsert({ where: { slug: t.slug }, update: {}, create: t });
  for (const p of pages) {
    await db.page.upsert({
      where: { slug: p.slug },
      update: {},
      create: { ...p, bodyHtml: pageBodyToHtml(p.body) },
    });
  }
  for (const [key, value] of Object.entries(defaultSettings)) {
    await db.siteSetting.upsert({ where: { key }, update: {}, create: { key, value: value as never } });
  }
  return { categories: categories.length, tags: tags.length, pages: pages.length };
}
