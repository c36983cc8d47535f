import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { tags } from "@/lib/cache-tags";
import { db } from "@/lib/db";
import { collectIocItems } from "@/lib/ioc/collect";
import type { IocExportInput } from "@/lib/ioc/export/input";
import type { IocItem } from "@/lib/ioc/types";
import { absoluteUrl, siteUrl } from "@/lib/site-url";
import { TAG_KIND_LABELS } from "@/lib/labels";
import { isPublic } from "@/lib/services/public/article-card";
import { lists } from "@/lib/services/public/cache-profile";
import { getSiteSettings } from "@/lib/services/public/get-site-settings";
import type { TagDto } from "@/lib/services/public/get-tag";

/** Articles read for one tag's indicators: the newest with IOC blocks. */
const MAX_ARTICLES = 100;

export type TagIoc = IocItem & { article: { publicId: string; title: string } };

type Row = { publicId: string; title: string; bodyJson: unknown; publishedAt: Date; updatedAt: Date };

/**
 * The indicators of a tag's (an entity's) published articles, newest article first, each
 * (type, value) once: the newest article's row wins. Only articles whose body holds an IOC block
 * are read (the jsonpath filter), at most 100. Cached with the tag and the article lists.
 */
export async function listTagIocs(
  tag: Pick<TagDto, "id" | "slug">,
): Promise<{ items: TagIoc[]; rows: Row[] }> {
  "use cache";
  cacheTag(tags.tag(tag.slug), tags.articles());
  cacheLife(lists);
  const rows = await db.$queryRaw<Row[]>`
    SELECT a."publicId", a.title, a."bodyJson", a."publishedAt", a."updatedAt"
    FROM article_tags at JOIN articles a ON a.id = at."articleId" AND ${isPublic}
    WHERE at."tagId" = ${tag.id} AND jsonb_path_exists(a."bodyJson", 'strict $.** ? (@.type == "iocBlock")')
    ORDER BY a."publishedAt" DESC, a.id DESC
    LIMIT ${MAX_ARTICLES}`;
  const seen = new Set<string>();
  const items: TagIoc[] = [];
  for (const r of rows)
    for (const item of collectIocItems(r.bodyJson)) {
      const key = `${item.type}\u0000${item.value}`;
      if (seen.has(key)) continue;
      seen.add(key);
      items.push({ ...item, article: { publicId: r.publicId, title: r.title } });
    }
  // the bodies are not needed past this point: keep the cache entry small
  return { items, rows: rows.map((r) => ({ ...r, bodyJson: null })) };
}

/** A tag's indicators as one export: the report is the tag's page, dated by its articles. */
export async function getTagIocExport(tag: TagDto): Promise<IocExportInput> {
  const { items, rows } = await listTagIocs(tag);
  const site = await getSiteSettings();
  const dates = rows.flatMap((r) => [r.publishedAt, r.updatedAt]);
  const newest = dates.reduce((a, b) => (b > a ? b : a), new Date(0));
  const oldest = rows.length ? rows[rows.length - 1]!.publishedAt : newest;
  return {
    site: { name: site.name, url: siteUrl() },
    article: {
      // "tag-…" keeps the report's deterministic ids apart from any article's
      publicId: `tag-${tag.slug}`,
      title: `${TAG_KIND_LABELS[tag.kind]}：${tag.name}`,
      lede: tag.description ?? "",
      url: absoluteUrl(`/tag/${tag.slug}`),
      publishedAt: oldest,
      updatedAt: newest,
    },
    items: items.map(({ type, value, context, malicious }) => ({ type, value, context, malicious })),
  };
}
