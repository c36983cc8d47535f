import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { publishArticle } from "@/lib/services/articles/publish-article";
import { returnArticle } from "@/lib/services/articles/return-article";
import { listReviewQueue } from "@/lib/services/articles/list-review-queue";
import { createActor } from "@/lib/services/articles/test-helpers";
import { listMyNotifications } from "@/lib/services/notifications/list-my-notifications";
import { createArticle, createCategory } from "@/lib/test/factories";
import { getMyContribution } from "./get-my-contribution";
import { listMyContributions } from "./list-my-contributions";
import { resubmitContribution } from "./resubmit-contribution";
import { MAX_PENDING_CONTRIBUTIONS, submitContribution } from "./submit-contribution";
import { withdrawContribution } from "./withdraw-contribution";

const BODY = "这是一篇关于内网横向移动检测的投稿。".repeat(8) + "\n\n第二段：介绍日志来源与检测规则。";

async function contribute() {
  const reader = await createActor("READER");
  const category = await createCategory();
  const form = {
    title: "内网横向移动的检测思路",
    categoryId: String(category.id),
    lede: "从日志出发梳理检测方法。",
    body: BODY,
  };
  const { id } = await submitContribution(reader, form);
  return { reader, form, id };
}
const version = async (id: string) => (await db.article.findUniqueOrThrow({ where: { id } })).version;

describe("the contribution loop", () => {
  it("returned with a reason → the reader sees it, edits and resubmits → declined with a reason, notified each time", async () => {
    const { reader, form, id } = await contribute();
    const editor = await createActor("EDITOR");
    const queued = (await listReviewQueue(editor)).items.find((i) => i.id === id);
    expect(queued).toMatchObject({ isContribution: true });
    await returnArticle(editor, { id, note: "请补充检测规则示例。" });
    expect((await listMyContributions(reader))[0]).toMatchObject({
      id,
      status: "DRAFT",
      isContribution: true,
      reason: "请补充检测规则示例。",
    });
    const edit = await getMyContribution(reader, id);
    expect(edit.body).toBe(BODY.replace(/\n\n/, "\n\n"));
    expect(edit.reason).toBe("请补充检测规则示例。");
    await resubmitContribution(reader, {
      ...form,
      body: `${BODY}\n\n第三段：规则示例。`,
      id,
      version: edit.version,
      note: "已补充示例。",
    });
    const row = await db.article.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe("IN_REVIEW");
    expect(row.bodyText).toContain("规则示例");
    expect((await listReviewQueue(editor)).items.find((i) => i.id === id)?.submitNote).toBe("已补充示例。");
    await returnArticle(editor, { id, note: "与本站方向不符。", decline: true });
    expect((await listMyContributions(reader))[0]).toMatchObject({
      status: "ARCHIVED",
      reason: "与本站方向不符。",
    });
    const kinds = (await listMyNotifications(reader)).items.map((n) => n.kind);
    expect(kinds).toEqual(["contribution.declined", "contribution.returned"]);
    await expect(getMyContribution(reader, id)).rejects.toMatchObject({ code: "INVALID" });
  });

  it("publishing a contribution tells the reader, with a link to the article", async () => {
    const { reader, id } = await contribute();
    await publishArticle(await createActor("EDITOR"), { id });
    const [n] = (await listMyNotifications(reader)).items;
    const { publicId } = await db.article.findUniqueOrThrow({ where: { id } });
    expect(n).toMatchObject({ kind: "contribution.published", url: `/posts/${publicId}` });
  });

  it("only the owner edits, resubmits or withdraws, and only in the right status", async () => {
    const { reader, form, id } = await contribute();
    const other = await createActor("READER");
    const editor = await createActor("EDITOR");
    // in review: not editable, but withdrawable
    await expect(getMyContribution(reader, id)).rejects.toMatchObject({ code: "INVALID" });
    await expect(
      resubmitContribution(reader, { ...form, id, version: await version(id) }),
    ).rejects.toMatchObject({ code: "INVALID" });
    await returnArticle(editor, { id, note: "请修改" });
    for (const call of [
      () => getMyContribution(other, id),
      async () => resubmitContribution(other, { ...form, id, version: await version(id) }),
      () => withdrawContribution(other, { id }),
      () => withdrawContribution(editor, { id }),
    ])
      await expect(call()).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(withdrawContribution(null, { id })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    // a staff article is never a contribution, even for its own author
    const staffDraft = await createArticle({ authorId: reader.id, status: "DRAFT" });
    await expect(withdrawContribution(reader, { id: staffDraft.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    // a stale version changes nothing
    await expect(
      resubmitContribution(reader, { ...form, id, version: (await version(id)) - 1 }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await withdrawContribution(reader, { id });
    const last = await db.articleTransition.findFirstOrThrow({
      where: { articleId: id },
      orderBy: { createdAt: "desc" },
    });
    expect(last).toMatchObject({
      fromStatus: "DRAFT",
      toStatus: "ARCHIVED",
      note: "撤回",
      actorId: reader.id,
    });
    await expect(withdrawContribution(reader, { id })).rejects.toMatchObject({ code: "INVALID" });
    // the reader's own withdrawal is shown as such, not with the editor's earlier reason
    expect((await listMyContributions(reader)).find((c) => c.id === id)).toMatchObject({
      status: "ARCHIVED",
      reason: null,
      isWithdrawn: true,
    });
  });

  it(`resubmitting respects the limit of ${MAX_PENDING_CONTRIBUTIONS} pending contributions`, async () => {
    const { reader, form, id } = await contribute();
    await returnArticle(await createActor("EDITOR"), { id, note: "请修改" });
    for (let i = 0; i < MAX_PENDING_CONTRIBUTIONS; i++) await submitContribution(reader, form);
    await expect(
      resubmitContribution(reader, { ...form, id, version: await version(id) }),
    ).rejects.toMatchObject({ code: "RATE_LIMITED" });
    expect((await db.article.findUniqueOrThrow({ where: { id } })).status).toBe("DRAFT");
  });
});
