import "server-only";
import { assertCan, type Actor } from "@/lib/authz";
import { audit } from "@/lib/audit";
import { emptyDoc } from "@/lib/content/render";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { renderPageBody } from "./page-doc";
import { createPageSchema, pageLabel } from "./schemas";
import { invalidatePage } from "./shared";

const EXISTS_MESSAGE = "这个页面已经存在，请刷新页面后直接编辑。";

/** 创建页面: a footer page whose row is missing, with its default title and an empty body, as version 1. */
export async function createPage(actor: Actor | null, input: unknown) {
  assertCan(actor, "page.manage");
  const { slug } = createPageSchema.parse(input);
  const title = pageLabel(slug);
  const rendered = renderPageBody(emptyDoc());
  await db
    .$transaction(async (tx) => {
      if (await tx.page.findUnique({ where: { slug }, select: { id: true } }))
        throw new AppError("CONFLICT", EXISTS_MESSAGE);
      const page = await tx.page.create({ data: { slug, title, ...rendered }, select: { id: true } });
      await tx.pageRevision.create({ data: { pageId: page.id, title, ...rendered, editorId: actor.id } });
      await audit(tx, { actorId: actor.id, action: "page.create", targetType: "page", targetId: slug });
    })
    .catch((e: unknown) => {
      // created by someone else between the check and the insert: the unique slug refuses
      if (e && typeof e === "object" && "code" in e && (e as { code: unknown }).code === "P2002")
        throw new AppError("CONFLICT", EXISTS_MESSAGE);
      throw e;
    });
  invalidatePage(slug);
  return { slug };
}
