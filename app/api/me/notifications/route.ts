import { connection } from "next/server";
import { secureRoute } from "@/lib/security/route";
import { listMyNotifications } from "@/lib/services/notifications/list-my-notifications";

/**
 * GET /api/me/notifications → `{ unread, items }` (the five newest) for the header's bell. Public
 * pages stay prerendered and cookie-free: the bell asks this from the browser. Signed out, the
 * answer is `{ unread: null }` (not a 401 in every visitor's console). Never cached.
 */
export const GET = secureRoute({ name: "notifications.peek", auth: "optional" }, async (_body, { actor }) => {
  await connection();
  if (!actor) return { unread: null, items: [] };
  const { unread, items } = await listMyNotifications(actor, { size: 5 });
  return { unread, items };
});
