import { z } from "zod";

/**
 * The events a webhook can subscribe to, and what each one sends. Payloads carry only what the
 * public site shows (published articles, approved comments): a webhook is a way out of the
 * building, so no draft text, review note or pending edit ever goes into one.
 */

export const WEBHOOK_EVENTS = [
  "article.published",
  "article.updated",
  "article.unpublished",
  "comment.approved",
  "translation.source_changed",
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** The test ping is sent on request to one webhook, whatever it subscribes to. */
export type DeliveredEvent = WebhookEvent | "ping";

export const WEBHOOK_EVENT_LABELS: Record<DeliveredEvent, string> = {
  "article.published": "文章发布",
  "article.updated": "已发布文章更新",
  "article.unpublished": "文章撤回",
  "comment.approved": "评论通过审核",
  "translation.source_changed": "译文原文已更新",
  ping: "测试",
};

const iso = z.iso.datetime();

const publicArticle = z.object({
  publicId: z.string(),
  url: z.url(),
  title: z.string(),
  lede: z.string(),
  publishedAt: iso,
  updatedAt: iso,
  category: z.object({ slug: z.string(), name: z.string() }),
  tags: z.array(z.string()),
  isTranslation: z.boolean(),
});

/** `data` of each event. */
export const webhookDataSchemas = {
  "article.published": z.object({ article: publicArticle }),
  "article.updated": z.object({ article: publicArticle }),
  // what was public until now: the text is off the site, so only its name and address
  "article.unpublished": z.object({
    article: z.object({ publicId: z.string(), url: z.url(), title: z.string() }),
    unpublishedAt: iso,
  }),
  "comment.approved": z.object({
    comment: z.object({
      id: z.string(),
      url: z.url(),
      body: z.string(),
      authorName: z.string(),
      createdAt: iso,
    }),
    article: z.object({ publicId: z.string(), url: z.url(), title: z.string() }),
  }),
  "translation.source_changed": z.object({
    article: z.object({ publicId: z.string(), url: z.url(), title: z.string() }),
    source: z.object({ url: z.string(), changedAt: iso }),
  }),
  ping: z.object({ webhook: z.object({ name: z.string() }), message: z.string() }),
} satisfies Record<DeliveredEvent, z.ZodType>;

export type WebhookData<E extends DeliveredEvent> = z.infer<(typeof webhookDataSchemas)[E]>;

/** The body of every delivery. `id` is the event's: every webhook and every replay of it shares it. */
export type WebhookEnvelope<E extends DeliveredEvent = DeliveredEvent> = {
  id: string;
  event: E;
  created_at: string;
  data: WebhookData<E>;
};
