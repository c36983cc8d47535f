import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { can, type Actor } from "@/lib/authz";
import { isBot } from "./is-bot.mjs";
import { viewRecorder } from "./view-recorder";
import { publicIdSchema } from "@/lib/public-id";

const inputSchema = z.object({
  publicId: publicIdSchema,
  visitorId: z.string().min(8).max(64),
  userAgent: z.string().max(1024).nullable(),
});
export type RecordViewInput = z.input<typeof inputSchema> & { actor: Actor | null };

/**
 * Counts one reader's view of a published article: never for crawlers, never for staff or the
 * article's own author and translator (their visits are previews and checks, not readership),
 * at most once per visitor per article per 30 minutes. Returns the count to display, including
 * views still waiting in the batch buffer, once the view is written (lib/services/views/view-buffer.ts).
 */
export async function recordView(input: RecordViewInput): Promise<{ counted: boolean; views: number }> {
  const { publicId, visitorId, userAgent } = inputSchema.parse(input);
  const { actor } = input;
  const article = await db.article.findFirst({
    where: { publicId, status: "PUBLISHED", publishedAt: { lte: new Date() } },
    select: { id: true, authorId: true, translatorId: true, status: true, viewCount: true },
  });
  if (!article) throw new AppError("NOT_FOUND");
  const { buffer, dedupe } = viewRecorder();
  // whoever may preview this article (editors, its author and translator) is checking, not reading
  const isStaff = can(actor, "article.viewDraft", { kind: "article", ...article });
  const counted = !isBot(userAgent) && !isStaff && (await dedupe.shouldCount(visitorId, article.id));
  const written = counted ? buffer.add(article.id, visitorId) : null;
  const views = article.viewCount + buffer.pendingFor(article.id);
  // acknowledge a view once it is stored (a crash then loses nothing the reader was told about);
  // only while the database is failing does the answer come after DURABLE_WAIT_MS with the view
  // still queued in memory for the retry
  if (written) await withinMs(written, DURABLE_WAIT_MS);
  return { counted, views };
}

const DURABLE_WAIT_MS = 2_000;

function withinMs(p: Promise<void>, ms: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}
