"use server";

import { z } from "zod";
import { secureAction } from "@/lib/security/action";
import { markAllRead, markRead, notificationIdSchema } from "@/lib/services/notifications/mark-read";

/** Opening a notice marks it read and answers where it points (a checked site-relative path). */
export const openNotificationAction = secureAction(
  { name: "notification.open", input: notificationIdSchema, auth: "user" },
  (input, { actor }) => markRead(actor, input),
);

export const markAllReadAction = secureAction(
  { name: "notification.markAllRead", input: z.strictObject({}), auth: "user" },
  (_input, { actor }) => markAllRead(actor),
);
