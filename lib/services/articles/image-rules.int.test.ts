import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createCategory } from "@/lib/test/factories";
import { createArticle } from "./create-article";
import { publishArticle } from "./publish-article";
import { submitForReview } from "./submit-for-review";
import { createActor, doc } from "./test-helpers";
import { updateArticle } from "./update-article";

const figureDoc = (src: string) => ({
  type: "doc",
  content: [
    { type: "paragraph", content: [{ type: "text", text: "配图说明。" }] },
    { type: "figure", attrs: { src, alt: "示意图", caption: "" } },
  ],
});

async function draft() {
  const translator = await createActor("TRANSLATOR");
  const category = await createCategory();
  const a = await createArticle(translator, {
    title: "配图规则",
    categoryId: category.id,
    body: doc("正文"),
  });
  return { translator, id: a.id };
}

describe("image rules on the save and workflow paths", () => {
  it("refuses a body image that is not an upload of ours, naming it, and changes nothing", async () => {
    const { translator, id } = await draft();
    const before = await db.article.findUniqueOrThrow({ where: { id } });
    await expect(
      updateArticle(translator, {
        id,
        version: 1,
        body: figureDoc("/media/ab/" + "a".repeat(64) + ".png"),
      }),
    ).rejects.toMatchObject({
      code: "INVALID",
      message: expect.stringContaining("正文第 1 张图片不在本站媒体库中"),
    });
    expect(await db.article.findUniqueOrThrow({ where: { id } })).toEqual(before);
  });

  it("accepts a cover without alt text while drafting, refuses it at 提交审核 and 发布", async () => {
    const { translator, id } = await draft();
    const editor = await createActor("EDITOR");
    const saved = await updateArticle(translator, {
      id,
      version: 1,
      coverUrl: "/media/cd/" + "c".repeat(64) + ".webp",
    });
    await expect(submitForReview(translator, { id, version: saved.version })).rejects.toMatchObject({
      code: "INVALID",
      message: expect.stringContaining("封面图的替代文本"),
    });
    await expect(publishArticle(editor, { id })).rejects.toMatchObject({
      code: "INVALID",
      message: expect.stringContaining("封面图的替代文本"),
    });
    expect((await db.article.findUniqueOrThrow({ where: { id } })).status).toBe("DRAFT");

    const described = await updateArticle(translator, {
      id,
      version: saved.version,
      coverAlt: "封面：一台服务器",
    });
    expect((await submitForReview(translator, { id, version: described.version })).status).toBe("IN_REVIEW");
  });
});
