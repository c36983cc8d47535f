"use server";

import { secureAction } from "@/lib/security/action";
import { resetNavigation, resetNavigationSchema } from "@/lib/services/navigation/reset-navigation";
import { updateNavigation } from "@/lib/services/navigation/update-navigation";
import { updateNavigationSchema } from "@/lib/services/navigation/schemas";

// Thin: the services check settings.manage, write the audit row and invalidate the settings tag.

export const updateNavigationAction = secureAction(
  { name: "navigation.update", input: updateNavigationSchema, auth: "user", permission: "settings.manage" },
  (input, { actor }) => updateNavigation(actor, input),
);

export const resetNavigationAction = secureAction(
  { name: "navigation.reset", input: resetNavigationSchema, auth: "user", permission: "settings.manage" },
  (input, { actor }) => resetNavigation(actor, input),
);
