import "server-only";
import { z } from "zod";
import { assertCan, type Actor } from "@/lib/authz";
import { audit } from "@/lib/audit";
import { tags } from "@/lib/cache-tags";
import {
  blockedWordSchema,
  COMMENT_SETTING_KEYS,
  getCommentSettings,
  MODERATION_MODES,
  type BlockedWord,
  type CommentSettings,
} from "@/lib/comments/settings";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { safeText } from "@/lib/validation";
import { invalidatePublic } from "../articles/side-effects";

export const MAX_BLOCKED_WORDS = 1000;

/** The action word at the end of a line: "词 reject" / "词 直接拒绝"; "hold" / "暂缓审核" or nothing holds. */
const ACTION_WORDS: Record<string, BlockedWord["action"]> = {
  reject: "reject",
  拒绝: "reject",
  直接拒绝: "reject",
  hold: "hold",
  暂缓: "hold",
  暂缓审核: "hold",
};

/**
 * 屏蔽词, one per line: "词" (hold for a moderator) or "词 reject" (refuse at once). Blank lines
 * are skipped; a word listed twice keeps its first line (compared case-insensitively, as the
 * rules match). Every problem names its line.
 */
const blockedWordLines = safeText(60_000).transform((text, ctx): BlockedWord[] => {
  const out: BlockedWord[] = [];
  const seen = new Set<string>();
  for (const [i, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (!line) continue;
    const m = /^(.*\S)\s+(\S+)$/.exec(line);
    const action = m ? ACTION_WORDS[m[2]!.toLowerCase()] : undefined;
    const parsed = blockedWordSchema.safeParse({ word: action ? m![1] : line, action: action ?? "hold" });
    if (!parsed.success) {
      ctx.addIssue({ code: "custom", message: `第 ${i + 1} 行：屏蔽词最多 50 个字。` });
      continue;
    }
    const key = parsed.data.word.normalize("NFKC").toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(parsed.data);
  }
  if (out.length > MAX_BLOCKED_WORDS)
    ctx.addIssue({
      code: "custom",
      message: `屏蔽词最多 ${MAX_BLOCKED_WORDS} 个，现在有 ${out.length} 个。`,
    });
  return out;
});

/** A checkbox sends "on" when ticked and nothing otherwise; JSON callers may send a boolean. */
const checkbox = z
  .union([z.boolean(), z.enum(["on", "true", "false"])])
  .optional()
  .transform((v) => v === true || v === "on" || v === "true");

export const updateCommentSettingsSchema = z.strictObject({
  enabled: checkbox,
  mode: z.enum(MODERATION_MODES, { error: "请选择审核方式。" }),
  blockedWords: blockedWordLines,
});

/**
 * 评论规则 (admins): the site-wide switch, the moderation mode and the blocked words, saved in one
 * transaction with one audit row naming what changed. Switching comments on or off changes every
 * article page (the form or 本站评论已关闭), so the tags covering article pages are invalidated.
 */
export async function updateCommentSettings(actor: Actor | null, input: unknown): Promise<CommentSettings> {
  assertCan(actor, "settings.manage");
  const next: CommentSettings = updateCommentSettingsSchema.parse(input);
  const before = await db.$transaction(async (tx) => {
    // one writer at a time: the audit's "from" must be what this save replaced
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('comments.settings'))`;
    const old = await getCommentSettings(tx);
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const field of ["enabled", "mode", "blockedWords"] as const) {
      if (JSON.stringify(old[field]) === JSON.stringify(next[field])) continue;
      const key = COMMENT_SETTING_KEYS[field];
      const value = next[field] as Prisma.InputJsonValue;
      await tx.siteSetting.upsert({ where: { key }, update: { value }, create: { key, value } });
      changes[key] =
        field === "blockedWords"
          ? { from: old.blockedWords.length, to: next.blockedWords.length }
          : { from: old[field], to: next[field] };
    }
    if (Object.keys(changes).length) {
      await audit(tx, {
        actorId: actor.id,
        action: "comments.settings",
        targetType: "commentRules",
        meta: changes as Prisma.InputJsonValue,
      });
    }
    return old;
  });
  if (before.enabled !== next.enabled) invalidatePublic([tags.articles(), tags.settings()]);
  return next;
}
