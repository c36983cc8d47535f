import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createCategory } from "@/lib/test/factories";
import { createArticle } from "../create-article";
import { listRevisions } from "../list-revisions";
import { restoreRevision } from "../restore-revision";
import { createActor, doc } from "../test-helpers";
import { updateArticle } from "../update-article";
import { getRevisionDiff } from "./get-revision-diff";
import { resolveConflict } from "./resolve-conflict";

const MIN = 60_000;
const t0 = new Date("2026-03-01T02:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);

async function draft() {
  const author = await createActor("TRANSLATOR");
  const category = await createCategory();
  const a = await createArticle(author, { title: "第一版", categoryId: category.id, body: doc("初稿") });
  return { author, id: a.id };
}

const revisionsOf = (articleId: string) =>
  db.articleRevision.findMany({
    where: { articleId },
    orderBy: { version: "asc" },
    select: { version: true, kind: true, status: true, title: true, editorId: true, bodyJson: true },
  });

describe("revision policy", () => {
  it("a manual save always leaves a MANUAL revision with the status; saves say their kind", async () => {
    const { author, id } = await draft();
    const s = await updateArticle(author, { id, version: 1, kind: "MANUAL", title: "手动" }, at(0));
    const s2 = await updateArticle(author, { id, version: s.version, title: "再手动" }, at(1000));
    expect([s.revision, s2.revision]).toEqual([true, true]);
    const revs = await revisionsOf(id);
    expect(revs.map((r) => [r.version, r.kind, r.status, r.title])).toEqual([
      [1, "MANUAL", null, "第一版"],
      [2, "MANUAL", "DRAFT", "手动"],
      [3, "MANUAL", "DRAFT", "再手动"],
    ]);
    await expect(updateArticle(author, { id, version: 3, kind: "SOMETIMES" })).rejects.toThrow();
  });

  it("autosave leaves a revision at most every five minutes, but always bumps the version", async () => {
    const { author, id } = await draft();
    let v = 1;
    const auto = async (title: string, ms: number) => {
      const r = await updateArticle(author, { id, version: v, kind: "AUTOSAVE", title }, at(ms));
      v = r.version;
      return r.revision;
    };
    // first autosave: no AUTOSAVE revision yet → one is written
    expect(await auto("甲", 0)).toBe(true);
    expect(await auto("乙", 1 * MIN)).toBe(false);
    expect(await auto("丙", 4 * MIN + 59_000)).toBe(false);
    expect(await auto("丁", 5 * MIN)).toBe(true);
    expect(await auto("戊", 6 * MIN)).toBe(false);
    // a manual save in between is always kept, and does not reset the autosave window
    const m = await updateArticle(author, { id, version: v, title: "手动" }, at(7 * MIN));
    v = m.version;
    expect(m.revision).toBe(true);
    expect(await auto("己", 9 * MIN)).toBe(false);
    expect(await auto("庚", 10 * MIN)).toBe(true);
    const row = await db.article.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ version: 9, title: "庚" });
    const revs = await revisionsOf(id);
    expect(revs.map((r) => [r.version, r.kind, r.title])).toEqual([
      [1, "MANUAL", "第一版"],
      [2, "AUTOSAVE", "甲"],
      [5, "AUTOSAVE", "丁"],
      [7, "MANUAL", "手动"],
      [9, "AUTOSAVE", "庚"],
    ]);
  });

  it("a restore is a RESTORE revision; list shows kinds; diff compares any two or against current", async () => {
    const { author, id } = await draft();
    await updateArticle(author, { id, version: 1, title: "第二版", body: doc("攻击者部署了蜜罐", "第二段") });
    const list = await listRevisions(author, id);
    const first = list.find((r) => r.version === 1)!;
    const second = list.find((r) => r.version === 2)!;
    const r = await restoreRevision(author, { articleId: id, revisionId: first.id, version: 2 });
    expect(r.version).toBe(3);
    expect((await listRevisions(author, id)).map((x) => [x.version, x.kind])).toEqual([
      [3, "RESTORE"],
      [2, "MANUAL"],
      [1, "MANUAL"],
    ]);
    // asked newest first: still shown oldest → newest
    const d = await getRevisionDiff(author, { articleId: id, from: second.id, to: first.id });
    expect([d.from.version, d.to.version]).toEqual([1, 2]);
    expect(d.diff.title).toEqual([
      { op: "del", text: "第一" },
      { op: "ins", text: "第二" },
      { op: "same", text: "版" },
    ]);
    // 初稿 → two unrelated paragraphs: one removed, two added
    expect(d.diff.counts).toEqual({ added: 2, removed: 1, changed: 0 });
    const cur = await getRevisionDiff(author, { articleId: id, from: second.id, to: "current" });
    expect(cur.to.label).toContain("当前内容");
    expect(cur.diff.identical).toBe(false);
    const same = await getRevisionDiff(author, { articleId: id, from: first.id, to: "current" });
    expect(same.diff.identical).toBe(true);
  });

  it("the diff of another person's draft or another article's revision is NOT_FOUND", async () => {
    const { author, id } = await draft();
    const other = await draft();
    const [mine] = await listRevisions(author, id);
    const [theirs] = await listRevisions(other.author, other.id);
    await expect(
      getRevisionDiff(other.author, { articleId: id, from: mine!.id, to: "current" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      getRevisionDiff(author, { articleId: id, from: theirs!.id, to: "current" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("conflict choices: nothing typed is lost", () => {
  /** Two windows on version 1; the editor's autosave wins (inside the autosave window: no revision). */
  async function conflict() {
    const { author, id } = await draft();
    const editor = await createActor("EDITOR");
    await updateArticle(
      editor,
      { id, version: 1, kind: "AUTOSAVE", body: doc("编辑的第一次自动保存") },
      at(0),
    );
    const theirs = await updateArticle(
      editor,
      { id, version: 2, kind: "AUTOSAVE", title: "编辑改的标题", body: doc("编辑的文字：攻击链分析") },
      at(MIN),
    );
    expect(theirs.revision).toBe(false); // their current text is in no revision yet
    const mine = { title: "作者改的标题", body: doc("作者的文字：漏洞复现步骤") };
    await expect(updateArticle(author, { id, version: 1, ...mine }, at(2 * MIN))).rejects.toMatchObject({
      code: "CONFLICT",
    });
    return { author, editor, id, mine, theirVersion: theirs.version };
  }
  const texts = async (id: string) =>
    (await revisionsOf(id)).map((r) => `${r.title}/${JSON.stringify(r.bodyJson)}`).join("\n");

  it("keep mine: theirs is kept as a revision, mine saved on top as MANUAL", async () => {
    const { author, editor, id, mine, theirVersion } = await conflict();
    const r = await resolveConflict(
      author,
      { id, version: theirVersion, choice: "MINE", ...mine },
      at(3 * MIN),
    );
    expect(r.version).toBe(theirVersion + 1);
    const row = await db.article.findUniqueOrThrow({ where: { id } });
    expect(row.title).toBe("作者改的标题");
    expect(row.bodyText).toContain("漏洞复现步骤");
    const revs = await revisionsOf(id);
    const kept = revs.find((x) => x.version === theirVersion)!;
    expect(kept).toMatchObject({ kind: "AUTOSAVE", title: "编辑改的标题", editorId: editor.id });
    expect(revs.at(-1)).toMatchObject({ version: theirVersion + 1, kind: "MANUAL", editorId: author.id });
    const all = await texts(id);
    expect(all).toContain("攻击链分析");
    expect(all).toContain("漏洞复现步骤");
  });

  it("take theirs: mine is recorded as a revision, theirs restored as the next version; the row keeps their text", async () => {
    const { author, id, mine, theirVersion } = await conflict();
    const before = await db.article.findUniqueOrThrow({ where: { id } });
    const r = await resolveConflict(
      author,
      { id, version: theirVersion, choice: "THEIRS", ...mine },
      at(3 * MIN),
    );
    expect(r.version).toBe(theirVersion + 2);
    const after = await db.article.findUniqueOrThrow({ where: { id } });
    expect({ ...after, version: 0 }).toEqual({ ...before, version: 0 });
    expect(after.version).toBe(theirVersion + 2);
    const revs = await revisionsOf(id);
    expect(revs.slice(-3).map((x) => [x.version, x.kind, x.title])).toEqual([
      [theirVersion, "AUTOSAVE", "编辑改的标题"],
      [theirVersion + 1, "MANUAL", "作者改的标题"],
      [theirVersion + 2, "RESTORE", "编辑改的标题"],
    ]);
    const all = await texts(id);
    expect(all).toContain("攻击链分析");
    expect(all).toContain("漏洞复现步骤");
    expect(await db.auditLog.count({ where: { targetId: id, action: "article.conflictTakeTheirs" } })).toBe(
      1,
    );
  });

  it("a resolution based on a version that moved again is itself a CONFLICT and writes nothing", async () => {
    const { author, editor, id, mine, theirVersion } = await conflict();
    await updateArticle(editor, { id, version: theirVersion, title: "又改了" });
    const count = await db.articleRevision.count({ where: { articleId: id } });
    for (const choice of ["MINE", "THEIRS"] as const)
      await expect(
        resolveConflict(author, { id, version: theirVersion, choice, ...mine }),
      ).rejects.toMatchObject({
        code: "CONFLICT",
      });
    expect(await db.articleRevision.count({ where: { articleId: id } })).toBe(count);
  });

  it("the resolution is checked like a save: another author cannot resolve on my draft", async () => {
    const { id, theirVersion } = await conflict();
    const stranger = await createActor("CONTRIBUTOR");
    await expect(
      resolveConflict(stranger, { id, version: theirVersion, choice: "MINE", title: "x" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
