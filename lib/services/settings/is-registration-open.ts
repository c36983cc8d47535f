import "server-only";
import { db } from "@/lib/db";
import { SETTING_KEYS } from "./keys";

/**
 * Whether self-service registration is open (关闭注册 unticked). Read uncached, like the staff
 * 2FA switch: registration must stop the moment an admin closes it, whatever a cache still holds.
 */
export async function isRegistrationOpen(): Promise<boolean> {
  const row = await db.siteSetting.findUnique({
    where: { key: SETTING_KEYS.registrationClosed },
    select: { value: true },
  });
  return row?.value !== true;
}
