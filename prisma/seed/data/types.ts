import type { IocType } from "@/lib/ioc/types";

/**
 * Shapes of the hand-written demo content. The seed turns blocks into tiptap JSON,
 * so the demo articles go through the same render + sanitise path as real ones.
 */

/** Inline text may use **bold**, *italic*, `code` and [label](https://url) — nothing else. */
type InlineText = string;

export type SeedBlock =
  | { type: "p"; text: InlineText }
  | { type: "h2"; text: string }
  | { type: "h3"; text: string }
  | { type: "ul"; items: InlineText[] }
  | { type: "ol"; items: InlineText[] }
  | { type: "quote"; text: InlineText }
  | { type: "code"; language: string; code: string }
  | { type: "table"; header: string[]; rows: string[][] }
  /** A figure drawn by the seed (no external images, no text): `label` seeds its drawing. */
  | { type: "figure"; label: string; alt: string; caption: string }
  /** An IOC block (issue 16): values as an editor would enter them (real, not defanged). */
  | {
      type: "ioc";
      items: { type: IocType; value: string; context: string; malicious: boolean }[];
    };

export type CategorySlug =
  | "news"
  | "industry"
  | "trends"
  | "interviews"
  | "vulnerabilities"
  | "web-security"
  | "business-security"
  | "system-security"
  | "intranet-pentest"
  | "ransomware"
  | "tools";

export type AuthorKey =
  | "admin"
  | "editor-chen"
  | "editor-he"
  | "writer-zhou"
  | "translator-lin"
  | "translator-xu"
  | "contributor-wang"
  | "reader-li";

type SeedSource = {
  url: string;
  title: string;
  author: string;
  site: string;
  language: "en";
  /** ISO date-time of the original publication */
  publishedAt: string;
};

export type SeedArticle = {
  /** stable unique key, used for idempotent seeding (kebab-case ascii) */
  key: string;
  title: string;
  /** 导语: one or two sentences */
  lede: string;
  category: CategorySlug;
  /** 2-4 tags, Chinese or product/CVE names, each at most 32 chars */
  tags: string[];
  author: AuthorKey;
  /** set for translations: the translator, and the English source */
  translator?: AuthorKey;
  source?: SeedSource;
  status: "PUBLISHED" | "IN_REVIEW" | "DRAFT" | "SCHEDULED";
  /** published (or scheduled: in the future) this many days before/after seeding; fractional allowed */
  daysAgo: number;
  /** label: with the article's key, the seed of the generated (text-free) cover; and its alt text */
  cover: { label: string; alt: string; caption?: string };
  blocks: SeedBlock[];
};

export type SeedComment = {
  article: string; // SeedArticle.key
  author: AuthorKey;
  body: string;
  status: "APPROVED" | "PENDING";
  /** key of another comment on the same article this one replies to */
  replyTo?: string;
  key: string;
  hoursAgo: number;
};

export type SeedCorrection = {
  key: string;
  article: string; // SeedArticle.key (published)
  kind: "CORRECTION" | "UPDATE" | "SOURCE_UPDATE";
  note: string;
  /** filed this long after the article went out (never in the future) */
  hoursAfter: number;
};

export type SeedEntity = {
  slug: string;
  name: string;
  kind: "ACTOR" | "MALWARE" | "VENDOR" | "PRODUCT";
  aliases: string[];
  description: string;
};
