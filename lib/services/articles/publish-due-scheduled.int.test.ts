import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createArticle } from "@/lib/test/factories";
import { publishDueScheduled } from "./publish-due-scheduled";

describe("publishDueScheduled", () => {
  it("publishes due articles exactly once, even when several instances run at the same moment", async () => {
    const due = new Date(Date.now() - 5_000);
    const a = await createArticle({ status: "SCHEDULED", publishedAt: null });
    const b = await createArticle({ status: "SCHEDULED", publishedAt: null });
    const future = await createArticle({ status: "SCHEDULED", publishedAt: null });
    await db.article.updateMany({ where: { id: { in: [a.id, b.id] } }, data: { scheduledAt: due } });
    await db.article.update({
      where: { id: future.id },
      data: { scheduledAt: new Date(Date.now() + 3_600_000) },
    });

    const runs = await Promise.all([publishDueScheduled(), publishDueScheduled(), publishDueScheduled()]);
    const ours = runs.flatMap((r) => r.published).filter((id) => [a.id, b.id, future.id].includes(id));
    expect(ours.sort()).toEqual([a.id, b.id].sort());

    const rows = await db.article.findMany({ where: { id: { in: [a.id, b.id, future.id] } } });
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(a.id)).toMatchObject({ status: "PUBLISHED", publishedAt: due, scheduledAt: null });
    expect(byId.get(future.id)).toMatchObject({ status: "SCHEDULED", publishedAt: null });
    const audits = await db.auditLog.findMany({
      where: { targetId: { in: [a.id, b.id, future.id] }, action: "article.publishScheduled" },
    });
    expect(audits.map((x) => x.targetId).sort()).toEqual([a.id, b.id].sort());

    // a later tick finds nothing left to do for these
    const again = await publishDueScheduled();
    expect(again.published.filter((id) => [a.id, b.id].includes(id))).toEqual([]);
  });
});
