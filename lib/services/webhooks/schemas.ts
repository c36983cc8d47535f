import { z } from "zod";
import { rowIdSchema } from "@/lib/public-id";
import { safeText } from "@/lib/validation";
import { WEBHOOK_EVENTS } from "@/lib/webhooks/events";

export const webhookIdSchema = rowIdSchema("Webhook 编号无效。");

/** The address as typed: parsed here, checked against the network guard by the service. */
const webhookUrlSchema = safeText(2000, { min: 1 }).transform((s, ctx) => {
  // one step: a later check must never run new URL() on text that did not parse
  const url = URL.canParse(s) ? new URL(s) : null;
  if (!url) {
    ctx.addIssue({
      code: "custom",
      message: "地址格式不正确，请填写完整的地址（以 https:// 或 http:// 开头）。",
    });
    return z.NEVER;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    ctx.addIssue({ code: "custom", message: "只支持 http 和 https 地址。" });
    return z.NEVER;
  }
  if (url.href.length > 2000) {
    ctx.addIssue({ code: "custom", message: "地址最多 2000 个字符。" });
    return z.NEVER;
  }
  return url.href;
});

const eventSchema = z.enum(WEBHOOK_EVENTS, { error: "未知的事件类型。" });

/** Checkboxes send one value or several; an API caller sends an array. */
const eventsSchema = z
  .union([eventSchema, z.array(eventSchema).max(WEBHOOK_EVENTS.length * 2, "事件太多。")], {
    error: "请至少选择一个事件。",
  })
  .transform((e) => [...new Set(Array.isArray(e) ? e : [e])])
  .refine((e) => e.length > 0, "请至少选择一个事件。");

/** An unchecked checkbox sends nothing: absent means off. */
const activeSchema = z
  .union([z.boolean(), z.enum(["on", "true", "false"])], { error: "启用状态无效。" })
  .optional()
  .transform((v) => v === true || v === "on" || v === "true");

export const createWebhookSchema = z.strictObject({
  name: safeText(80, { min: 1 }),
  url: webhookUrlSchema,
  events: eventsSchema,
});

export const updateWebhookSchema = z.strictObject({
  id: webhookIdSchema,
  name: safeText(80, { min: 1 }),
  url: webhookUrlSchema,
  events: eventsSchema,
  active: activeSchema,
});

export const webhookRefSchema = z.strictObject({ id: webhookIdSchema });

export const deliveryRefSchema = z.strictObject({ id: rowIdSchema("投递记录编号无效。") });
