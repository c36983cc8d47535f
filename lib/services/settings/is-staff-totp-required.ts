import "server-only";
import { db } from "@/lib/db";
import { SETTING_KEYS } from "./keys";

/**
 * Whether 要求编辑和管理员启用两步验证 is on. Read uncached: it gates sign-in, and a stale
 * "off" after an admin switched it on would be a security hole.
 */
export async function isStaffTotpRequired(): Promise<boolean> {
  const row = await db.siteSetting.findUnique({
    where: { key: SETTING_KEYS.requireStaffTotp },
    select: { value: true },
  });
  return row?.value === true;
}
