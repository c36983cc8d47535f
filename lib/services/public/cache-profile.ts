/**
 * Cache lifetimes for public reads (seconds). Lists filter on `publishedAt <= now()`, and "now" is
 * frozen when an entry is filled, so `revalidate` bounds how late a scheduled article can appear:
 * at most a minute. Edits and unpublishing do not wait for that: writers invalidate by tag
 * (lib/cache-tags.ts). `expire` stays above 5 minutes so these entries can be prerendered.
 */
export const lists = { stale: 60, revalidate: 60, expire: 86_400 } as const;

/** view-count driven boxes: counts change on every read, a few minutes late is fine */
export const hot = { stale: 300, revalidate: 300, expire: 86_400 } as const;

/** categories, settings, footer pages: change rarely and are always invalidated by tag */
export const config = { stale: 300, revalidate: 3_600, expire: 604_800 } as const;
