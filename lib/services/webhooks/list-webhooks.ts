import "server-only";
import { assertCan, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { deliveryView, deliveryViewSelect } from "./delivery-view";

const RECENT = 5;

/** Webhooks 列表 (admins): each with its last few deliveries. Never the secret. */
export async function listWebhooks(actor: Actor | null) {
  assertCan(actor, "integration.manage");
  const rows = await db.webhook.findMany({
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      name: true,
      url: true,
      events: true,
      active: true,
      createdAt: true,
      deliveries: { orderBy: { createdAt: "desc" }, take: RECENT, select: deliveryViewSelect },
    },
  });
  return rows.map(({ deliveries, ...w }) => ({ ...w, recent: deliveries.map(deliveryView) }));
}
