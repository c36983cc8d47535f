import { z } from "zod";
import { ROLES } from "@/lib/authz";
import { safeText } from "@/lib/validation";

/** User ids are cuids (or the seed's readable ids): short, no spaces. */
export const userIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, "用户编号无效。");

/** Why an account was suspended or reactivated: shown to staff, kept in User.statusReason and the audit log. */
export const reasonSchema = safeText(500, { min: 2 });

export const roleSchema = z.enum(ROLES, { error: "请选择有效的角色。" });

export const ROLE_LABELS = {
  READER: "读者",
  CONTRIBUTOR: "投稿人",
  TRANSLATOR: "译者",
  EDITOR: "编辑",
  ADMIN: "管理员",
} as const;

export const STATUS_LABELS = { ACTIVE: "正常", SUSPENDED: "已停用" } as const;
