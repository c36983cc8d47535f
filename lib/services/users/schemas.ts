import { z } from "zod";
import { ROLES } from "@/lib/authz";
import { safeText } from "@/lib/validation";
import { rowIdSchema } from "@/lib/public-id";

/** User ids are cuids (or the seed's readable ids): short, no spaces. */
export const userIdSchema = rowIdSchema("用户编号无效。");

/** Why an account was suspended or reactivated: shown to staff, kept in User.statusReason and the audit log. */
export const reasonSchema = safeText(500, { min: 2 });

export const roleSchema = z.enum(ROLES, { error: "请选择有效的角色。" });

// the names live with the other enum labels (lib/labels.ts); re-exported for change-user-role.ts
export { ROLE_LABELS } from "@/lib/labels";
