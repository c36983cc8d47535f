"use server";

import { secureAction } from "@/lib/security/action";
import { updateMediaAlt, updateMediaAltSchema } from "@/lib/services/media/update-media-alt";

// Thin: the service checks who may change which upload. Nothing public to invalidate: an
// article keeps the alt text it was saved with; this is the default the picker offers.
export const updateMediaAltAction = secureAction(
  { name: "media.updateAlt", input: updateMediaAltSchema, auth: "user", permission: "media.upload" },
  (input, { actor }) => updateMediaAlt(actor, input),
);
