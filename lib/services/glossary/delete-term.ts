import "server-only";
import { z } from "zod";
import { assertCan, type Actor } from "@/lib/authz";
import { audit } from "@/lib/audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { termIdSchema } from "./schemas";
import { TERM_NOT_FOUND } from "./shared";

export const deleteTermSchema = z.strictObject({ id: termIdSchema });

/** 删除术语. The audit row keeps what was deleted, so a mistaken deletion can be typed back in. */
export async function deleteTerm(actor: Actor | null, input: unknown): Promise<void> {
  assertCan(actor, "glossary.manage");
  const { id } = deleteTermSchema.parse(input);
  await db
    .$transaction(async (tx) => {
      const term = await tx.glossaryTerm.findUnique({
        where: { id },
        select: { source: true, target: true, variants: true, doNotTranslate: true, note: true },
      });
      if (!term) throw new AppError("NOT_FOUND", TERM_NOT_FOUND);
      await tx.glossaryTerm.delete({ where: { id } });
      await audit(tx, {
        actorId: actor.id,
        action: "glossary.delete",
        targetType: "glossaryTerm",
        targetId: String(id),
        meta: term,
      });
    })
    .catch((e: unknown) => {
      // deleted by someone else between the read and the delete
      if (e && typeof e === "object" && "code" in e && (e as { code: unknown }).code === "P2025") {
        throw new AppError("NOT_FOUND", TERM_NOT_FOUND);
      }
      throw e;
    });
}
