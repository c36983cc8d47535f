import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";

/**
 * The comment rules an admin sets (issue 13), stored as SiteSetting rows. Read inside the comment
 * write transaction (pass the transaction client) so a switch-off or a new blocked word applies to
 * the very next post. Stored values that fail the schema fall back to the defaults: a hand-edited
 * row must not stop every reader from posting, nor open the site wider than the default.
 */
export const COMMENT_SETTING_KEYS = {
  enabled: "comments.enabled",
  mode: "comments.moderationMode",
  blockedWords: "comments.blockedWords",
} as const;

/** premoderate: every comment waits · trusted: trusted readers publish at once (lib/comments/rules.ts) */
export const MODERATION_MODES = ["premoderate", "trusted"] as const;
type ModerationMode = (typeof MODERATION_MODES)[number];

export const blockedWordSchema = z.strictObject({
  word: z.string().trim().min(1).max(50),
  /** hold: pending with the rule named · reject: stored as REJECTED, never shown */
  action: z.enum(["hold", "reject"]),
});
export type BlockedWord = z.infer<typeof blockedWordSchema>;

export type CommentSettings = {
  /** the site-wide switch: false closes every article's comments */
  enabled: boolean;
  mode: ModerationMode;
  blockedWords: BlockedWord[];
};

const DEFAULT_COMMENT_SETTINGS: CommentSettings = {
  enabled: true,
  mode: "premoderate",
  blockedWords: [],
};

const stored = {
  enabled: z.boolean(),
  mode: z.enum(MODERATION_MODES),
  blockedWords: z.array(blockedWordSchema).max(1000),
};

type SettingReader = { siteSetting: Pick<typeof db.siteSetting, "findMany"> };

export async function getCommentSettings(client: SettingReader = db): Promise<CommentSettings> {
  const rows = await client.siteSetting.findMany({
    where: { key: { in: Object.values(COMMENT_SETTING_KEYS) } },
    select: { key: true, value: true },
  });
  const byKey = new Map(rows.map((r) => [r.key, r.value]));
  const read = <K extends keyof CommentSettings>(k: K): CommentSettings[K] => {
    const parsed = stored[k].safeParse(byKey.get(COMMENT_SETTING_KEYS[k]));
    return parsed.success ? (parsed.data as CommentSettings[K]) : DEFAULT_COMMENT_SETTINGS[k];
  };
  return { enabled: read("enabled"), mode: read("mode"), blockedWords: read("blockedWords") };
}
