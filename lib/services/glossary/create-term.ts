import "server-only";
import { assertCan, type Actor } from "@/lib/authz";
import { audit } from "@/lib/audit";
import { db } from "@/lib/db";
import { termFieldsSchema } from "./schemas";
import { asConflict, assertNewSource, termData } from "./shared";

export const createTermSchema = termFieldsSchema;

/** 新增术语 (editors and admins). */
export async function createTerm(actor: Actor | null, input: unknown): Promise<{ id: number }> {
  assertCan(actor, "glossary.manage");
  const fields = createTermSchema.parse(input);
  return db
    .$transaction(async (tx) => {
      await assertNewSource(tx, fields.source);
      const term = await tx.glossaryTerm.create({
        data: termData(fields, actor.id),
        select: { id: true },
      });
      await audit(tx, {
        actorId: actor.id,
        action: "glossary.create",
        targetType: "glossaryTerm",
        targetId: String(term.id),
        meta: termData(fields, actor.id),
      });
      return term;
    })
    .catch(asConflict(fields.source));
}
