"use server";

import { secureFormAction } from "@/lib/security/action";
import { updateProfile, updateProfileSchema } from "@/lib/services/profile/update-profile";

/** 保存个人资料: the actor's own profile only (the input carries no user id). */
export const updateProfileAction = secureFormAction(
  { name: "profile.update", input: updateProfileSchema, auth: "user", permission: "profile.editOwn" },
  (input, { actor }) => updateProfile(actor, input),
);
