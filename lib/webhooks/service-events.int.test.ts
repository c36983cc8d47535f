import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { createArticle } from "@/lib/services/articles/create-article";
import { deleteArticle } from "@/lib/services/articles/delete-article";
import { applyPendingEdit } from "@/lib/services/articles/pending/apply-pending-edit";
import { publishArticle } from "@/lib/services/articles/publish-article";
import { publishDueScheduled } from "@/lib/services/articles/publish-due-scheduled";
import { createActor, doc } from "@/lib/services/articles/test-helpers";
import { unpublishArticle } from "@/lib/services/articles/unpublish-article";
import { updateArticle } from "@/lib/services/articles/update-article";
import { moderateComments } from "@/lib/services/moderation/moderate-comments";
import { checkSourceUpdates } from "@/lib/services/translation/source-updates/check-source-updates";
import { fixtureFetch, publishedTranslation } from "@/lib/services/translation/source-updates/test-helpers";
import { createCategory } from "@/lib/test/factories";
import { startSourceFixtures, type SourceFixtures } from "@/lib/test/source-fixtures";
import { WEBHOOK_EVENTS, type WebhookEnvelope } from "./events";
import { emitWebhookEvent } from "./emit";
import { newWebhookId, sealWebhookSecret } from "./secret";

/**
 * The services announce their changes after they commit, with public data only. No job queue
 * runs in this process, so each event is just its delivery rows (the worker has its own tests).
 */

process.env.AUTH_SECRET ??= "integration-test-secret-".padEnd(43, "x");

let fx: SourceFixtures;
let hookId: string;
beforeAll(async () => {
  vi.stubEnv("BYLINE_TEST_ALLOW_LOOPBACK_SOURCES", "1");
  fx = await startSourceFixtures();
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await fx.close();
});
beforeEach(async () => {
  await db.webhook.deleteMany();
  hookId = newWebhookId();
  await db.webhook.create({
    data: {
      id: hookId,
      name: "all",
      url: "https://hooks.example.com/x",
      events: [...WEBHOOK_EVENTS],
      secret: sealWebhookSecret(hookId, "s"),
    },
  });
});

const sent = async (event: string) =>
  (
    await db.webhookDelivery.findMany({ where: { webhookId: hookId, event }, orderBy: { createdAt: "asc" } })
  ).map((d) => d.payload as unknown as WebhookEnvelope);

async function draft(title = "某路由器固件漏洞分析") {
  const translator = await createActor("TRANSLATOR");
  const editor = await createActor("EDITOR");
  const category = await createCategory();
  const a = await createArticle(translator, {
    title,
    categoryId: category.id,
    body: doc("受影响版本为 2.4。"),
  });
  return { translator, editor, a, category };
}

describe("article events", () => {
  it("publish → article.published with the public fields; a pending edit stays private until 更新", async () => {
    const { editor, a, category } = await draft();
    expect(await sent("article.published")).toHaveLength(0);
    const p = await publishArticle(editor, { id: a.id, version: 1 });
    const [pub] = await sent("article.published");
    expect(pub).toMatchObject({
      event: "article.published",
      data: {
        article: {
          publicId: p.publicId,
          url: `http://localhost:3000/posts/${p.publicId}`,
          title: "某路由器固件漏洞分析",
          category: { slug: category.slug },
          isTranslation: false,
        },
      },
    });
    expect(pub!.id).toMatch(/^evt_/);

    const s = await updateArticle(editor, {
      id: a.id,
      version: p.version,
      title: "草稿标题不应外泄",
      body: doc("未发布的修改"),
    });
    expect(await sent("article.updated")).toHaveLength(0);
    expect(JSON.stringify(await db.webhookDelivery.findMany({ select: { payload: true } }))).not.toContain(
      "草稿标题不应外泄",
    );
    await applyPendingEdit(editor, { id: a.id, version: s.version });
    const [upd] = await sent("article.updated");
    expect(upd!.data).toMatchObject({ article: { publicId: p.publicId, title: "草稿标题不应外泄" } });

    await unpublishArticle(editor, { id: a.id, to: "DRAFT" });
    const [un] = await sent("article.unpublished");
    expect(un!.data).toMatchObject({ article: { publicId: p.publicId, title: "草稿标题不应外泄" } });
    expect(Object.keys((un!.data as { article: object }).article).sort()).toEqual([
      "publicId",
      "title",
      "url",
    ]);
    // nothing else went out: drafts never announce
    expect(await db.webhookDelivery.count({ where: { webhookId: hookId } })).toBe(3);
  });

  it("deleting a live article (admins) announces article.unpublished", async () => {
    const { editor, a } = await draft("将被删除的文章");
    const p = await publishArticle(editor, { id: a.id, version: 1 });
    const admin = await createActor("ADMIN");
    await deleteArticle(admin, { id: a.id });
    const [un] = await sent("article.unpublished");
    expect(un!.data).toMatchObject({ article: { publicId: p.publicId, title: "将被删除的文章" } });
  });

  it("the scheduler's publish announces too", async () => {
    const { editor, a } = await draft("定时发布的文章");
    const at = new Date(Date.now() + 60_000);
    await publishArticle(editor, { id: a.id, version: 1, scheduledAt: at.toISOString() });
    expect(await sent("article.published")).toHaveLength(0);
    // its moment comes (the real clock: a webhook only announces what is public by now)
    await db.article.update({ where: { id: a.id }, data: { scheduledAt: new Date(Date.now() - 1000) } });
    await publishDueScheduled({ invalidate: false });
    const [pub] = await sent("article.published");
    expect(pub!.data).toMatchObject({ article: { title: "定时发布的文章" } });
  });
});

describe("comment and translation events", () => {
  it("approving a comment on a live article → comment.approved", async () => {
    const { editor, a } = await draft();
    await publishArticle(editor, { id: a.id, version: 1 });
    const reader = await createActor("READER");
    const c = await db.comment.create({ data: { articleId: a.id, authorId: reader.id, body: "写得好" } });
    await moderateComments(editor, { ids: [c.id], decision: "approve" });
    const [ev] = await sent("comment.approved");
    expect(ev!.data).toMatchObject({
      comment: { id: c.id, body: "写得好", authorName: reader.displayName },
      article: { title: "某路由器固件漏洞分析" },
    });
    // rejecting announces nothing
    await moderateComments(editor, { ids: [c.id], decision: "reject" });
    expect(await db.webhookDelivery.count({ where: { event: "comment.approved" } })).toBe(1);
  });

  it("a changed source of a published translation → translation.source_changed", async () => {
    const t = await publishedTranslation(fx, "ransomware-advisory");
    fx.setPage(t.name, t.html.replace("</p>", " (updated)</p>"));
    const r = await checkSourceUpdates({ perHostDelayMs: 0, fetch: fixtureFetch(fx) });
    expect(r.changed).toContain(t.article.id);
    const [ev] = await sent("translation.source_changed");
    expect(ev!.data).toMatchObject({ article: { publicId: t.article.publicId }, source: { url: t.url } });
  });
});

it("a payload that does not fit its event is logged, never thrown, and sends nothing", async () => {
  await expect(emitWebhookEvent("article.published", { article: {} } as never)).resolves.toBeUndefined();
  expect(await db.webhookDelivery.count()).toBe(0);
});
