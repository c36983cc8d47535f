"use server";

import { secureFormAction } from "@/lib/security/action";
import {
  updateCommentSettings,
  updateCommentSettingsSchema,
} from "@/lib/services/comments/update-comment-settings";

/** 评论规则: the site-wide switch, the moderation mode and the blocked words (admins). */
export const updateCommentSettingsAction = secureFormAction(
  {
    name: "comments.settings",
    input: updateCommentSettingsSchema,
    auth: "user",
    permission: "settings.manage",
  },
  async (input, { actor }) => void (await updateCommentSettings(actor, input)),
);
