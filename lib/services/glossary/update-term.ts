import "server-only";
import { assertCan, type Actor } from "@/lib/authz";
import { audit } from "@/lib/audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { termFieldsSchema, termIdSchema } from "./schemas";
import { asConflict, assertNewSource, TERM_NOT_FOUND, termData } from "./shared";

export const updateTermSchema = termFieldsSchema.safeExtend({ id: termIdSchema });

/** 编辑术语: every field, the English term included (its spelling may be corrected). */
export async function updateTerm(actor: Actor | null, input: unknown): Promise<{ id: number }> {
  assertCan(actor, "glossary.manage");
  const { id, ...fields } = updateTermSchema.parse(input);
  return db
    .$transaction(async (tx) => {
      const old = await tx.glossaryTerm.findUnique({
        where: { id },
        select: { source: true, target: true, variants: true, doNotTranslate: true, note: true },
      });
      if (!old) throw new AppError("NOT_FOUND", TERM_NOT_FOUND);
      await assertNewSource(tx, fields.source, id);
      await tx.glossaryTerm.update({
        where: { id },
        data: termData(fields, actor.id),
      });
      await audit(tx, {
        actorId: actor.id,
        action: "glossary.update",
        targetType: "glossaryTerm",
        targetId: String(id),
        meta: { from: old, to: fields },
      });
      return { id };
    })
    .catch(asConflict(fields.source));
}
