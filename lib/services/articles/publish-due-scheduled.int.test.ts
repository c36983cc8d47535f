import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { createArticle, createUser } from "@/lib/test/factories";
import { listMissedSchedules } from "./list-missed-schedules";
import { missedNote, ON_TIME_NOTE, publishDueScheduled } from "./publish-due-scheduled";

async function scheduled(at: Date, authorId?: string) {
  const a = await createArticle({ status: "SCHEDULED", publishedAt: null, authorId });
  await db.article.update({ where: { id: a.id }, data: { scheduledAt: at } });
  return a;
}

const actorOf = (u: Awaited<ReturnType<typeof createUser>>): Actor => ({
  id: u.id,
  role: u.role,
  status: u.status,
  displayName: u.profile!.displayName,
  publicId: u.profile!.publicId,
});

describe("publishDueScheduled", () => {
  it("publishes due articles exactly once, even when several instances run at the same moment", async () => {
    const due = new Date(Date.now() - 5_000);
    const a = await scheduled(due);
    const b = await scheduled(due);
    const future = await scheduled(new Date(Date.now() + 3_600_000));

    const runs = await Promise.all([publishDueScheduled(), publishDueScheduled(), publishDueScheduled()]);
    const ours = runs.flatMap((r) => r.published).filter((id) => [a.id, b.id, future.id].includes(id));
    expect(ours.sort()).toEqual([a.id, b.id].sort());

    const rows = await db.article.findMany({ where: { id: { in: [a.id, b.id, future.id] } } });
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(a.id)).toMatchObject({
      status: "PUBLISHED",
      publishedAt: due,
      scheduledAt: null,
      missedScheduleAt: null,
      version: 2,
    });
    expect(byId.get(future.id)).toMatchObject({ status: "SCHEDULED", publishedAt: null, version: 1 });
    const audits = await db.auditLog.findMany({
      where: { targetId: { in: [a.id, b.id, future.id] }, action: "article.publishScheduled" },
    });
    expect(audits.map((x) => x.targetId).sort()).toEqual([a.id, b.id].sort());
    // one history row each, not one per instance
    const history = await db.articleTransition.findMany({
      where: { articleId: { in: [a.id, b.id, future.id] } },
    });
    expect(history.map((h) => h.articleId).sort()).toEqual([a.id, b.id].sort());

    // a later tick finds nothing left to do for these
    const again = await publishDueScheduled();
    expect(again.published.filter((id) => [a.id, b.id].includes(id))).toEqual([]);
  });

  it("on time: dated at its schedule, with a 定时发布 history row, a STATUS revision and a new version", async () => {
    const at = new Date("2101-01-01T00:00:00Z");
    const a = await scheduled(at);
    const notYet = await scheduled(new Date(at.getTime() + 60_000));
    const now = new Date(at.getTime() + 10_000);

    const r = await publishDueScheduled({ now, graceMs: 120_000, invalidate: false });
    expect(r.published).toContain(a.id);
    expect(r.published).not.toContain(notYet.id);
    expect(r.missed).not.toContain(a.id);

    const row = await db.article.findUniqueOrThrow({ where: { id: a.id } });
    expect(row).toMatchObject({ status: "PUBLISHED", publishedAt: at, missedScheduleAt: null, version: 2 });
    const history = await db.articleTransition.findMany({ where: { articleId: a.id } });
    expect(history).toEqual([
      expect.objectContaining({
        actorId: null,
        fromStatus: "SCHEDULED",
        toStatus: "PUBLISHED",
        note: ON_TIME_NOTE,
      }),
    ]);
    const revisions = await db.articleRevision.findMany({ where: { articleId: a.id, kind: "STATUS" } });
    expect(revisions).toEqual([
      expect.objectContaining({ version: 2, status: "PUBLISHED", editorId: a.authorId }),
    ]);
    expect(await db.article.findUniqueOrThrow({ where: { id: notYet.id } })).toMatchObject({
      status: "SCHEDULED",
      version: 1,
    });
  });

  it("missed: published now, not back-dated, flagged with the missed moment and said so in the history", async () => {
    const at = new Date("2102-06-01T00:00:00Z");
    const a = await scheduled(at);
    const justInGrace = await scheduled(new Date(at.getTime() + 3 * 3_600_000 - 120_000));
    const now = new Date(at.getTime() + 3 * 3_600_000); // the server came back three hours late

    const r = await publishDueScheduled({ now, graceMs: 120_000, invalidate: false });
    expect(r.missed).toContain(a.id);
    expect(r.published).toEqual(expect.arrayContaining([a.id, justInGrace.id]));
    expect(r.missed).not.toContain(justInGrace.id);

    const row = await db.article.findUniqueOrThrow({ where: { id: a.id } });
    expect(row).toMatchObject({
      status: "PUBLISHED",
      publishedAt: now,
      missedScheduleAt: at,
      scheduledAt: null,
      version: 2,
    });
    const [h] = await db.articleTransition.findMany({ where: { articleId: a.id } });
    expect(h).toMatchObject({ actorId: null, fromStatus: "SCHEDULED", toStatus: "PUBLISHED" });
    // Beijing time of `now`: 2102-06-01 03:00 UTC
    expect(h!.note).toBe("定时发布错过了预定时间（服务器当时未运行），已于 2102-06-01 11:00 发布");
    expect(h!.note).toBe(missedNote(now));
    const audit = await db.auditLog.findFirstOrThrow({
      where: { targetId: a.id, action: "article.publishScheduled" },
    });
    expect(audit.meta).toMatchObject({ missedScheduleAt: at.toISOString() });
    expect(await db.article.findUniqueOrThrow({ where: { id: justInGrace.id } })).toMatchObject({
      publishedAt: new Date(at.getTime() + 3 * 3_600_000 - 120_000),
      missedScheduleAt: null,
    });
  });

  it("tells a reader when their 投稿 goes out on schedule (and nobody for a staff article)", async () => {
    const at = new Date("2102-01-01T00:00:00Z");
    const contribution = await scheduled(at);
    await db.article.update({ where: { id: contribution.id }, data: { isContribution: true } });
    const staff = await scheduled(at);

    await publishDueScheduled({ now: new Date(at.getTime() + 1_000), graceMs: 120_000, invalidate: false });
    const notices = await db.notification.findMany({
      where: { articleId: { in: [contribution.id, staff.id] } },
    });
    expect(notices).toEqual([
      expect.objectContaining({
        userId: contribution.authorId,
        kind: "contribution.published",
        url: `/posts/${contribution.publicId}`,
      }),
    ]);
  });

  it("leaves a soft-deleted scheduled article alone", async () => {
    const at = new Date("2103-01-01T00:00:00Z");
    const a = await scheduled(at);
    await db.article.update({ where: { id: a.id }, data: { deletedAt: new Date() } });
    const r = await publishDueScheduled({ now: new Date(at.getTime() + 1_000), invalidate: false });
    expect(r.published).not.toContain(a.id);
    expect(await db.article.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({
      status: "SCHEDULED",
    });
  });
});

describe("listMissedSchedules", () => {
  it("editors see every missed schedule of the last 7 days; an author only their own", async () => {
    const editor = await createUser({ role: "EDITOR" });
    const author = await createUser({ role: "CONTRIBUTOR" });
    const reader = await createUser({ role: "READER" });
    const now = new Date("2104-03-10T00:00:00Z");
    const mine = await scheduled(new Date(now.getTime() - 2 * 86_400_000), author.id);
    const other = await scheduled(new Date(now.getTime() - 86_400_000));
    const old = await scheduled(new Date(now.getTime() - 9 * 86_400_000));
    const onTime = await scheduled(new Date(now.getTime() - 3_600_000));
    // the server "comes back" at these moments: each one is found long after its schedule,
    // except onTime, which is found within the grace
    await publishDueScheduled({ now: new Date(now.getTime() - 8 * 86_400_000), invalidate: false });
    await publishDueScheduled({ now: new Date(now.getTime() - 3_600_000 + 5_000), invalidate: false });

    const ids = (items: { id: string }[]) => items.map((i) => i.id);
    const seen = ids(await listMissedSchedules(actorOf(editor), { now }));
    expect(seen).toEqual(expect.arrayContaining([mine.id, other.id]));
    expect(seen).not.toContain(old.id); // published 8 days before `now`
    expect(seen).not.toContain(onTime.id);
    expect(ids(await listMissedSchedules(actorOf(author), { now }))).toEqual([mine.id]);
    await expect(listMissedSchedules(actorOf(reader), { now })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listMissedSchedules(null)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });
});
