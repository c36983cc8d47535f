import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createCategory } from "@/lib/test/factories";
import { createArticle } from "./create-article";
import { restoreRevision } from "./restore-revision";
import { createActor, doc } from "./test-helpers";

/**
 * A revision stored before the body limits existed (the colspan bomb of issue 8 was saved as a
 * draft) must not be renderable by restoring it: the renderer measures what it is given, so the
 * restore is a 400 with the limit's message and nothing changes.
 */
describe("restoring a revision that predates the body limits", () => {
  it("is refused with INVALID and the article stays as it was", async () => {
    const editor = await createActor("EDITOR");
    const { id } = await createArticle(editor, {
      title: "旧版本",
      categoryId: (await createCategory()).id,
      body: doc("正文"),
    });
    const bomb = {
      type: "doc",
      content: [
        {
          type: "table",
          content: [
            {
              type: "tableRow",
              content: [
                { type: "tableCell", attrs: { colspan: 2_000_000_000 }, content: [{ type: "paragraph" }] },
              ],
            },
          ],
        },
      ],
    };
    const rev = await db.articleRevision.create({
      data: { articleId: id, version: 99, title: "旧版本", lede: "", bodyJson: bomb, editorId: editor.id },
    });
    const before = await db.article.findUniqueOrThrow({
      where: { id },
      select: { version: true, bodyHtml: true, bodyJson: true },
    });

    const e = await restoreRevision(editor, {
      articleId: id,
      revisionId: rev.id,
      version: before.version,
    }).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(AppError);
    expect(e).toMatchObject({
      code: "INVALID",
      status: 400,
      message: expect.stringContaining("最多合并 50 列"),
    });
    expect(
      await db.article.findUniqueOrThrow({
        where: { id },
        select: { version: true, bodyHtml: true, bodyJson: true },
      }),
    ).toEqual(before);
  });
});
