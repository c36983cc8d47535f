import "server-only";
import { db } from "@/lib/db";
import type { UserState } from "./claims";

/** The fields a session depends on, read on every re-check of the token (primary-key lookup). */
export async function loadUserState(userId: string): Promise<UserState | null> {
  return db.user.findUnique({
    where: { id: userId },
    select: { role: true, status: true, sessionVersion: true },
  });
}
