import { z } from "zod";
import { safeText } from "@/lib/validation";
import type { SocialLink } from "./keys";

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

const TITLE_TEMPLATE_MESSAGE = "标题模板必须包含且只包含一个 %s（代表页面标题），例如「%s - 署名 Byline」。";

/** "" = the default "%s · 站点名称"; otherwise exactly one %s, where the page's own title goes. */
const titleTemplate = safeText(60).refine(
  (t) => t === "" || t.split("%s").length === 2,
  TITLE_TEMPLATE_MESSAGE,
);

/** A Media id chosen by the upload field; "" removes the image (back to the default). */
const mediaId = safeText(64).refine((v) => v === "" || /^[a-z0-9]+$/i.test(v), "图片标识无效，请重新上传。");

/**
 * 站点设置 as the form sends them. The fields added with issue 14 are optional for JSON callers:
 * absent = unchanged (checkboxes excepted: an unticked box is absent, so absent = off).
 */
export const updateSiteSettingsSchema = z.strictObject({
  name: safeText(32, { min: 1 }),
  tagline: safeText(100),
  titleTemplate: titleTemplate.optional(),
  logoMediaId: mediaId.optional(),
  faviconMediaId: mediaId.optional(),
  footerText: safeText(200).optional(),
  icp: safeText(50),
  copyright: safeText(100),
  social: socialLines,
  tipQrMediaId: mediaId.optional(),
  tipCaption: safeText(60).optional(),
  registrationClosed: checkbox,
  requireStaffTotp: checkbox,
});
