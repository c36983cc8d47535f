import "server-only";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { normalizeSource } from "@/lib/translation/memory/normalize";
import type { TermFields } from "./schemas";

type Tx = Pick<Db, "glossaryTerm">;

const conflict = (source: string) =>
  new AppError("CONFLICT", `术语已存在：「${source}」已在术语库中，请搜索并编辑原有条目。`, {
    fieldErrors: { source: [`术语「${source}」已存在。`] },
  });

/** One entry per term, compared as lookups compare it (case, width and spacing ignored). */
export async function assertNewSource(tx: Tx, source: string, exceptId?: number) {
  const clash = await tx.glossaryTerm.findUnique({
    where: { sourceNorm: normalizeSource(source) },
    select: { id: true, source: true },
  });
  if (clash && clash.id !== exceptId) throw conflict(clash.source);
}

/** The unique index catching what the check above missed (two editors at once) is the same CONFLICT. */
export function asConflict(source: string) {
  return (e: unknown): never => {
    if (e && typeof e === "object" && "code" in e && (e as { code: unknown }).code === "P2002")
      throw conflict(source);
    throw e;
  };
}

export const TERM_NOT_FOUND = "没有找到该术语，可能已被删除。请刷新页面。";

/** The row as stored: the unique key derived from the term, no translation for a name kept as written. */
export const termData = (fields: TermFields, actorId: string) => ({
  ...fields,
  target: fields.doNotTranslate ? "" : fields.target,
  sourceNorm: normalizeSource(fields.source),
  updatedById: actorId,
});
