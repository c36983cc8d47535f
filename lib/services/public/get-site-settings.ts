import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { z } from "zod";
import { db } from "@/lib/db";
import { tags } from "@/lib/cache-tags";
import { config } from "./cache-profile";

type SocialLink = { name: string; url: string };
export type SiteSettings = { icp: string; copyright: string; social: SocialLink[]; specialTag: string };

const KEYS = ["site.icp", "site.copyright", "site.social", "site.specialTag"] as const;

const text = z.string().trim().max(300);
const httpUrl = z.url({ protocol: /^https?$/ });
// accepted shapes: [{ name|label, url|href }] or { 微博: "https://…" }
const socialList = z.array(
  z.object({
    name: text.optional(),
    label: text.optional(),
    url: httpUrl.optional(),
    href: httpUrl.optional(),
  }),
);
const socialMap = z.record(z.string(), httpUrl);

function parseSocial(value: unknown): SocialLink[] {
  const list = socialList.safeParse(value);
  if (list.success) {
    return list.data.flatMap((s) =>
      (s.name ?? s.label) && (s.url ?? s.href)
        ? [{ name: (s.name ?? s.label)!, url: (s.url ?? s.href)! }]
        : [],
    );
  }
  const map = socialMap.safeParse(value);
  return map.success ? Object.entries(map.data).map(([name, url]) => ({ name, url })) : [];
}

/** Footer settings from SiteSetting rows; a missing or malformed row falls back to its default. */
export async function getSiteSettings(): Promise<SiteSettings> {
  "use cache";
  cacheTag(tags.settings());
  cacheLife(config);
  const rows = await db.siteSetting.findMany({
    where: { key: { in: [...KEYS] } },
    select: { key: true, value: true },
  });
  const byKey = new Map(rows.map((r) => [r.key, r.value as unknown]));
  const str = (key: string, fallback: string) => {
    const parsed = text.safeParse(byKey.get(key));
    return parsed.success && parsed.data ? parsed.data : fallback;
  };
  return {
    icp: str("site.icp", ""),
    copyright: str("site.copyright", `© ${new Date().getUTCFullYear()} 署名 Byline`),
    social: parseSocial(byKey.get("site.social")),
    specialTag: str("site.specialTag", ""),
  };
}
