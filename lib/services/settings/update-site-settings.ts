import "server-only";
import { z } from "zod";
import { assertCan, type Actor } from "@/lib/authz";
import { tags } from "@/lib/cache-tags";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { audit } from "@/lib/audit";
import { safeText } from "@/lib/validation";
import { invalidatePublic } from "../articles/side-effects";
import { SETTING_KEYS, type SiteSettingsForm, type SocialLink } from "./keys";

const MAX_SOCIAL = 10;
const LINE = /^(\S(?:.*\S)?)\s+(https?:\/\/\S+)$/;

/** 社交链接: one per line, "名称 https://…". */
const socialLines = safeText(3000).transform((text, ctx): SocialLink[] => {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length > MAX_SOCIAL) ctx.addIssue({ code: "custom", message: `社交链接最多 ${MAX_SOCIAL} 个。` });
  const out: SocialLink[] = [];
  for (const [i, line] of lines.entries()) {
    const m = LINE.exec(line);
    const url = m
      ? z
          .url({ protocol: /^https?$/ })
          .max(2048)
          .safeParse(m[2])
      : null;
    if (!m || !url?.success || [...m[1]!].length > 20) {
      ctx.addIssue({
        code: "custom",
        message: `第 ${i + 1} 行格式不对：请写成「名称 https://网址」，名称不超过 20 个字。`,
      });
      continue;
    }
    out.push({ name: m[1]!, url: url.data });
  }
  return out;
});

/** A checkbox sends "on" when ticked and nothing otherwise; JSON callers may send a boolean. */
const checkbox = z
  .union([z.boolean(), z.enum(["on", "true", "false"])])
  .optional()
  .transform((v) => v === true || v === "on" || v === "true");

export const updateSiteSettingsSchema = z.strictObject({
  name: safeText(32, { min: 1 }),
  tagline: safeText(100),
  icp: safeText(50),
  copyright: safeText(100),
  social: socialLines,
  requireStaffTotp: checkbox,
});

/** JSON with object keys sorted: jsonb reorders keys, so plain JSON.stringify would see changes that are not. */
const canonical = (v: unknown): string =>
  JSON.stringify(v ?? null, (_k, x: unknown) =>
    x && typeof x === "object" && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1)))
      : x,
  );

/**
 * 保存站点设置: each key is upserted in one transaction and only the keys that changed are
 * written and audited (old → new). The public header/footer cache tag is invalidated.
 */
export async function updateSiteSettings(actor: Actor | null, input: unknown): Promise<SiteSettingsForm> {
  assertCan(actor, "settings.manage");
  const next: SiteSettingsForm = updateSiteSettingsSchema.parse(input);
  const changed = await db.$transaction(async (tx) => {
    const rows = await tx.siteSetting.findMany({ where: { key: { in: Object.values(SETTING_KEYS) } } });
    const old = new Map(rows.map((r) => [r.key, r.value as unknown]));
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const [field, key] of Object.entries(SETTING_KEYS) as [keyof SiteSettingsForm, string][]) {
      const value = next[field] as Prisma.InputJsonValue;
      if (canonical(old.get(key)) === canonical(value)) continue;
      await tx.siteSetting.upsert({ where: { key }, update: { value }, create: { key, value } });
      changes[key] = { from: old.get(key) ?? null, to: value };
    }
    if (Object.keys(changes).length) {
      await audit(tx, {
        actorId: actor.id,
        action: "settings.update",
        targetType: "settings",
        meta: changes as Prisma.InputJsonValue,
      });
    }
    return Object.keys(changes).length > 0;
  });
  if (changed) invalidatePublic([tags.settings()]);
  return next;
}
