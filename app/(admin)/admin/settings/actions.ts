"use server";

import { secureFormAction } from "@/lib/security/action";
import { updateSiteSettingsSchema } from "@/lib/services/settings/settings-schema";
import { updateSiteSettings } from "@/lib/services/settings/update-site-settings";

/** 保存站点设置: the service writes the changed keys, audits them and invalidates the public settings tag. */
export const updateSiteSettingsAction = secureFormAction(
  { name: "settings.update", input: updateSiteSettingsSchema, auth: "user", permission: "settings.manage" },
  (input, { actor }) => updateSiteSettings(actor, input),
);
