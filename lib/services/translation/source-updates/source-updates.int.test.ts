import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { createActor } from "@/lib/services/articles/test-helpers";
import { startSourceFixtures, type SourceFixtures } from "@/lib/test/source-fixtures";
import { acknowledgeSourceUpdate } from "./acknowledge-source-update";
import { checkSourceUpdates } from "./check-source-updates";
import { getSourceUpdate } from "./get-source-update";
import { listSourceUpdates } from "./list-source-updates";
import { fixtureFetch, publishedTranslation, requestsFor } from "./test-helpers";

let fx: SourceFixtures;
const run = (opts: Parameters<typeof checkSourceUpdates>[0] = {}) =>
  checkSourceUpdates({ perHostDelayMs: 0, fetch: fixtureFetch(fx), ...opts });

const EDITED_FROM = "broke into at least eleven regional hospitals since August";
const EDITED_TO = "broke into at least fourteen regional hospitals since July";
const ADDED =
  "Update, November 25: a fourth agency has joined the advisory and added two more indicators of compromise.";

/** The publisher corrects one paragraph and adds one after it. */
const editAdvisory = (html: string) => {
  const edited = html.replace(EDITED_FROM, EDITED_TO);
  const marker = "from offline backups.</p>";
  expect(edited).not.toBe(html);
  expect(edited).toContain(marker);
  return edited.replace(marker, `${marker}\n<p>${ADDED}</p>`);
};

beforeAll(async () => {
  vi.stubEnv("BYLINE_TEST_ALLOW_LOOPBACK_SOURCES", "1");
  fx = await startSourceFixtures();
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await fx.close();
});

describe("checkSourceUpdates", () => {
  it("flags an edited source and shows exactly the changed and the added segment", async () => {
    const t = await publishedTranslation(fx, "ransomware-advisory");
    const editor = await createActor("EDITOR");
    fx.setPage(t.name, editAdvisory(t.html));

    const r = await run();
    expect(r.changed).toContain(t.article.id);
    expect(requestsFor(fx, t.name)).toBe(2); // ingestion, then this check

    const a = await db.article.findUniqueOrThrow({ where: { id: t.article.id } });
    expect(a.sourceChangedAt).not.toBeNull();
    expect(a.sourceCheckedAt).not.toBeNull();
    expect(a.sourceSnapshotId).toBe(t.snapshot.id); // the new snapshot is not made current
    expect(a.version).toBe(t.article.version);
    const audits = await db.auditLog.findMany({
      where: { targetId: t.article.id, action: "translation.sourceChanged" },
    });
    expect(audits).toHaveLength(1);

    const u = await getSourceUpdate(editor, t.article.id);
    expect(u.current?.id).toBe(t.snapshot.id);
    expect(u.newest?.id).not.toBe(t.snapshot.id);
    expect(u.canAcknowledge).toBe(true);
    const edited = t.segments.findIndex((s) => s.text.includes(EDITED_FROM));
    const anchor = t.segments.findIndex((s) => s.text.endsWith("from offline backups."));
    expect([edited, anchor].every((i) => i >= 0)).toBe(true);
    const changes = u.diff!.filter((e) => e.op !== "same");
    expect(changes.map((e) => [e.op, e.before?.index, e.after?.index])).toEqual([
      ["changed", edited, edited],
      ["added", undefined, anchor + 1],
    ]);
    expect(changes[1]!.after!.segment.text).toBe(ADDED);
    const words = changes[0]!.words!;
    expect(words.filter((w) => w.removed).map((w) => w.text.trim())).toEqual(["eleven", "August"]);
    expect(words.filter((w) => w.added).map((w) => w.text.trim())).toEqual(["fourteen", "July"]);
    // everything else lines up one to one
    expect(u.diff!.filter((e) => e.op === "same")).toHaveLength(t.segments.length - 1);

    const rows = await db.translationSegment.findMany({ where: { articleId: t.article.id } });
    const at = (position: number) => ({ id: rows.find((r) => r.position === position)!.id, position });
    expect(u.affected).toEqual([
      { op: "changed", entry: edited, segments: [at(edited)] },
      { op: "added", entry: anchor + 1, segments: [], insertAfter: at(anchor) },
    ]);

    expect((await listSourceUpdates(editor)).map((i) => i.id)).toContain(t.article.id);

    const ack = await acknowledgeSourceUpdate(editor, { articleId: t.article.id, snapshotId: u.newest!.id });
    expect(ack.snapshotId).toBe(u.newest!.id);
    const after = await db.article.findUniqueOrThrow({ where: { id: t.article.id } });
    expect(after.sourceChangedAt).toBeNull();
    expect(after.sourceSnapshotId).toBe(u.newest!.id);
    const acked = await db.auditLog.findMany({
      where: { targetId: t.article.id, action: "translation.sourceAcknowledged" },
    });
    expect(acked.map((r) => r.actorId)).toEqual([editor.id]);
    expect(await db.translationSegment.count({ where: { articleId: t.article.id } })).toBe(t.segments.length);
    const seen = await getSourceUpdate(editor, t.article.id);
    expect([seen.newest, seen.diff, seen.canAcknowledge]).toEqual([null, null, false]);
    expect((await listSourceUpdates(editor)).map((i) => i.id)).not.toContain(t.article.id);
    await expect(acknowledgeSourceUpdate(editor, { articleId: t.article.id })).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });

  it("leaves an unchanged source alone: 304, or new markup around the same text", async () => {
    const t = await publishedTranslation(fx, "poc-writeup");
    const first = await run();
    expect(first.changed).not.toContain(t.article.id);
    expect(requestsFor(fx, t.name)).toBe(2);

    // the site changes its chrome, not the article: a 200 with a new ETag, the same text
    fx.setPage(
      t.name,
      t.html.replace("</body>", "<div class=promo>Subscribe to our newsletter</div></body>"),
    );
    const second = await run({ minIntervalMs: 0 });
    expect(second.changed).not.toContain(t.article.id);
    expect(requestsFor(fx, t.name)).toBe(3);
    const snaps = await db.sourceSnapshot.findMany({ where: { articleId: t.article.id } });
    expect(snaps).toHaveLength(1);
    expect(snaps[0]!.etag).not.toBe(t.snapshot.etag); // remembered, so the next ask is answered 304

    const third = await run({ minIntervalMs: 0 });
    expect(third.changed).not.toContain(t.article.id);
    expect(third.notModified).toBeGreaterThanOrEqual(1);
    const a = await db.article.findUniqueOrThrow({ where: { id: t.article.id } });
    expect(a.sourceChangedAt).toBeNull();
    expect(await db.sourceSnapshot.count({ where: { articleId: t.article.id } })).toBe(1);
  });

  it("fetches each source once when two instances run the job at the same moment", async () => {
    const ts = await Promise.all(
      ["ransomware-advisory", "malware-analysis", "patch-tuesday"].map((p) => publishedTranslation(fx, p)),
    );
    fx.setPage(ts[0]!.name, editAdvisory(ts[0]!.html));
    for (const t of ts.slice(1)) fx.setPage(t.name, t.html.replace("<p>", "<p>Updated: "));

    const [a, b] = await Promise.all([run(), run()]);
    for (const t of ts) expect(requestsFor(fx, t.name)).toBe(2);
    const changed = [...a.changed, ...b.changed].filter((id) => ts.some((t) => t.article.id === id));
    expect(changed.sort()).toEqual(ts.map((t) => t.article.id).sort());
    for (const t of ts) expect(await db.sourceSnapshot.count({ where: { articleId: t.article.id } })).toBe(2);

    // and a later run within the interval asks nobody again
    await run();
    for (const t of ts) expect(requestsFor(fx, t.name)).toBe(2);
  });

  it("counts a failing source and carries on; skips translations published over 30 days ago", async () => {
    const broken = await publishedTranslation(fx, "patch-tuesday");
    const ok = await publishedTranslation(fx, "malware-analysis");
    const old = await publishedTranslation(fx, "poc-writeup", {
      publishedAt: new Date(Date.now() - 31 * 24 * 3600_000),
    });
    fx.setPage(broken.name, "<html><body></body></html>"); // taken down: nothing to extract
    fx.setPage(ok.name, ok.html.replace("<p>", "<p>Correction: "));

    const r = await run();
    expect(r.failed).toBeGreaterThanOrEqual(1);
    expect(r.changed).toContain(ok.article.id);
    expect(r.changed).not.toContain(broken.article.id);
    expect(requestsFor(fx, old.name)).toBe(1); // ingestion only
    const b = await db.article.findUniqueOrThrow({ where: { id: broken.article.id } });
    expect(b.sourceChangedAt).toBeNull();
    expect(b.sourceCheckedAt).not.toBeNull(); // retried after the interval, not every tick
  });
});

describe("source update access", () => {
  it("hides the diff from other translators and keeps acknowledging to editors", async () => {
    const t = await publishedTranslation(fx, "malware-analysis");
    fx.setPage(t.name, t.html.replace("<p>", "<p>Revised: "));
    await run();
    const stranger = await createActor("TRANSLATOR");
    const translator = { ...t.translator };
    await expect(getSourceUpdate(stranger, t.article.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const own = await getSourceUpdate(translator, t.article.id);
    expect(own.diff?.some((e) => e.op === "changed")).toBe(true);
    expect(own.canAcknowledge).toBe(false); // a published article is the editors' to change
    await expect(acknowledgeSourceUpdate(translator, { articleId: t.article.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(listSourceUpdates(translator)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getSourceUpdate(null, t.article.id)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("refuses to acknowledge a snapshot that is no longer the newest", async () => {
    const t = await publishedTranslation(fx, "patch-tuesday");
    const editor = await createActor("EDITOR");
    fx.setPage(t.name, t.html.replace("<p>", "<p>First edit: "));
    await run();
    const seen = await getSourceUpdate(editor, t.article.id);
    fx.setPage(t.name, t.html.replace("<p>", "<p>Second edit: "));
    await run({ minIntervalMs: 0 });
    await expect(
      acknowledgeSourceUpdate(editor, { articleId: t.article.id, snapshotId: seen.newest!.id }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    const a = await db.article.findUniqueOrThrow({ where: { id: t.article.id } });
    expect(a.sourceChangedAt).not.toBeNull();
    expect(a.sourceSnapshotId).toBe(t.snapshot.id);
  });
});
