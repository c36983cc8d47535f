import "server-only";
import { z } from "zod";
import { assertCan, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { deliveryView, deliveryViewSelect } from "./delivery-view";
import { webhookIdSchema } from "./schemas";
import { WEBHOOK_GONE } from "./shared";

const PAGE_SIZE = 20;

const querySchema = z.object({
  id: webhookIdSchema,
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

/** One webhook with a page of its delivery log, newest first (admins). Never the secret. */
export async function getWebhook(actor: Actor | null, input: { id: string; page?: unknown }) {
  assertCan(actor, "integration.manage");
  const parsed = querySchema.safeParse(input);
  if (!parsed.success) throw new AppError("NOT_FOUND", WEBHOOK_GONE);
  const { id, page } = parsed.data;
  const hook = await db.webhook.findUnique({
    where: { id },
    select: { id: true, name: true, url: true, events: true, active: true, createdAt: true },
  });
  if (!hook) throw new AppError("NOT_FOUND", WEBHOOK_GONE);
  const [total, rows] = await Promise.all([
    db.webhookDelivery.count({ where: { webhookId: id } }),
    db.webhookDelivery.findMany({
      where: { webhookId: id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: deliveryViewSelect,
    }),
  ]);
  return {
    webhook: hook,
    deliveries: rows.map(deliveryView),
    page,
    pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    total,
  };
}
