"use server";

import { secureFormAction } from "@/lib/security/action";
import { changeUserRole, changeUserRoleSchema } from "@/lib/services/users/change-user-role";
import { forceSignOut, forceSignOutSchema } from "@/lib/services/users/force-sign-out";
import { reactivateUser, reactivateUserSchema } from "@/lib/services/users/reactivate-user";
import { suspendUser, suspendUserSchema } from "@/lib/services/users/suspend-user";

// Thin: the wrapper checks origin, session, coarse permission and the strict schema; each
// service checks the policy again, writes the change and its audit row in one transaction.

export const changeUserRoleAction = secureFormAction(
  { name: "user.changeRole", input: changeUserRoleSchema, auth: "user", permission: "user.changeRole" },
  (input, { actor }) => changeUserRole(actor, input),
);

export const suspendUserAction = secureFormAction(
  { name: "user.suspend", input: suspendUserSchema, auth: "user", permission: "user.manage" },
  (input, { actor }) => suspendUser(actor, input),
);

export const reactivateUserAction = secureFormAction(
  { name: "user.reactivate", input: reactivateUserSchema, auth: "user", permission: "user.manage" },
  (input, { actor }) => reactivateUser(actor, input),
);

export const forceSignOutAction = secureFormAction(
  { name: "user.forceSignOut", input: forceSignOutSchema, auth: "user", permission: "user.manage" },
  (input, { actor }) => forceSignOut(actor, input),
);
