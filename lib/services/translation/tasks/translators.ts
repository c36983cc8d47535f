import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** Roles a translation can be assigned to: translators, and editors or admins who translate. */
const CAN_TRANSLATE = ["TRANSLATOR", "EDITOR", "ADMIN"] as const;

export type TranslatorOption = { id: string; displayName: string; role: string };

/** The people an editor may assign a translation to, by name. */
export async function listTranslatorOptions(): Promise<TranslatorOption[]> {
  const rows = await db.user.findMany({
    where: { role: { in: [...CAN_TRANSLATE] }, status: "ACTIVE" },
    select: { id: true, role: true, profile: { select: { displayName: true } } },
    orderBy: [{ role: "asc" }, { createdAt: "asc" }],
    take: 500,
  });
  return rows.map((r) => ({ id: r.id, role: r.role, displayName: r.profile?.displayName ?? "未命名" }));
}

/** An assignee must exist, be active and hold a translating role; anything else is a clear 4xx. */
export async function assertTranslator(id: string) {
  const u = await db.user.findUnique({ where: { id }, select: { role: true, status: true } });
  if (u && u.status === "ACTIVE" && (CAN_TRANSLATE as readonly string[]).includes(u.role)) return;
  throw new AppError("INVALID", "所选译者不存在、已停用，或没有翻译权限。", {
    fieldErrors: { translatorId: ["请选择一位译者。"] },
  });
}
