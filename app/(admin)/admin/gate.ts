import "server-only";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getCurrentUser } from "@/lib/auth/session";
import { can, type Action, type Actor } from "@/lib/authz";

/**
 * The admin pages' gate: the actor must hold `action`, otherwise the not-found page (the admin
 * area does not confirm its existence to those who may not use it). Services check again.
 */
export async function adminActor(action: Action): Promise<Actor> {
  await connection(); // per-user page: never prerendered
  const actor = await getCurrentUser();
  if (!can(actor, action)) notFound();
  return actor!;
}

/** One string from a search param (the first of repeated ones). */
export const param = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;
