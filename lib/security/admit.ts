import "server-only";
import { getCurrentUser } from "@/lib/auth/session";
import { mayAttempt, type Action, type Actor } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { clientIpOf } from "./client-ip";
import { ORIGIN_REFUSED_MESSAGE, originProblem } from "./origin";

export type AuthMode = "user" | "optional";
export type ActorFor<A extends AuthMode> = A extends "user" ? Actor : Actor | null;

export type AdmitOptions<A extends AuthMode> = {
  /** for logs: "article.publish", "media.upload" */
  name: string;
  /** "user": signed-in only (UNAUTHENTICATED otherwise); "optional": the handler decides */
  auth: A;
  /** coarse gate: the actor's role must hold some grant for it (see lib/authz.ts) */
  permission?: Action;
  /** whether the request changes something, so its Origin must be ours (CSRF) */
  mutating: boolean;
};

/**
 * The checks every server action and route handler passes before its input is even parsed, in
 * this order: our configured Origin for anything that changes state (CSRF), the session re-read
 * from the database (suspension, role change and sign-out apply at once), signed in when
 * required, and the role holding the permission at all. The permission check runs before
 * parsing on purpose: a role that may not act learns nothing from field errors.
 */
export async function admit<A extends AuthMode>(
  opts: AdmitOptions<A>,
  headers: Headers,
): Promise<{ actor: ActorFor<A>; ip: string | null }> {
  const ip = clientIpOf(headers);
  if (opts.mutating) {
    const problem = originProblem(headers);
    if (problem) {
      logger.warn({ name: opts.name, problem, ip }, "request refused: origin");
      throw new AppError("FORBIDDEN", ORIGIN_REFUSED_MESSAGE);
    }
  }
  const actor = await getCurrentUser();
  if (opts.auth === "user" && !actor) throw new AppError("UNAUTHENTICATED");
  if (opts.permission && !mayAttempt(actor, opts.permission)) {
    if (!actor) throw new AppError("UNAUTHENTICATED");
    logger.warn({ name: opts.name, actorId: actor.id, role: actor.role }, "request refused: permission");
    throw new AppError("FORBIDDEN");
  }
  return { actor: actor as ActorFor<A>, ip };
}
