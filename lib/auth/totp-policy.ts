import "server-only";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";

/** SiteSetting key (boolean JSON) written by the admin settings screen. */
export const REQUIRE_STAFF_TOTP_KEY = "security.requireStaffTotp";
/** Where staff who must enrol are sent; the only page (with sign-out) they can use until then. */
export const TWO_FACTOR_SETUP_PATH = "/me/two-factor";

const COVERED: ReadonlySet<Role> = new Set<Role>(["EDITOR", "ADMIN"]);

/** Whether the site requires editors and admins to use two-step verification. Anything but `true` is off. */
export async function isStaffTotpRequired(): Promise<boolean> {
  const row = await db.siteSetting.findUnique({
    where: { key: REQUIRE_STAFF_TOTP_KEY },
    select: { value: true },
  });
  return row?.value === true;
}

/**
 * Whether this user has to set up 2FA before using their role: an editor or admin without it
 * while the setting is on. Reads the setting only for those it could apply to.
 */
export async function mustEnrolTotp(user: { role: Role; totpEnabledAt: Date | null }): Promise<boolean> {
  if (!COVERED.has(user.role) || user.totpEnabledAt) return false;
  return isStaffTotpRequired();
}
