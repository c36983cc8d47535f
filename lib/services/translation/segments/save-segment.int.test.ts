import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { listSegments } from "./list-segments";
import { saveSegment } from "./save-segment";
import { createActor, segmentsOf, translationWith } from "./test-helpers";

const two = () =>
  translationWith([
    { source: "Attackers exploited CVE-2026-1234." },
    { source: "Patch now.", target: "立即打补丁。" },
  ]);

describe("saveSegment", () => {
  it("saves a draft, confirms it, and bumps the segment's version each time", async () => {
    const { translator, article, segments } = await two();
    const s0 = segments[0]!;
    const draft = await saveSegment(translator, {
      articleId: article.id,
      segmentId: s0.id,
      version: 1,
      targetText: "攻击者利用了 CVE-2026-1234。",
    });
    expect(draft).toMatchObject({ status: "DRAFT", version: 2 });
    const confirmed = await saveSegment(translator, {
      articleId: article.id,
      segmentId: s0.id,
      version: 2,
      targetText: draft.targetText,
      status: "TRANSLATED",
    });
    expect(confirmed).toMatchObject({ status: "TRANSLATED", version: 3 });
    const row = await db.translationSegment.findUniqueOrThrow({ where: { id: s0.id } });
    expect(row).toMatchObject({ status: "TRANSLATED", version: 3, updatedById: translator.id });
    const work = await listSegments(translator, article.id);
    expect(work.progress).toMatchObject({ total: 2, translated: 1, draft: 1, untranslated: 0 });
    expect(work.permissions).toEqual({ canEdit: true, canReview: false });
  });

  it("refuses a stale version with CONFLICT and writes nothing", async () => {
    const { translator, article, segments } = await two();
    const s1 = segments[1]!;
    await saveSegment(translator, {
      articleId: article.id,
      segmentId: s1.id,
      version: 1,
      targetText: "窗口甲",
    });
    await expect(
      saveSegment(translator, { articleId: article.id, segmentId: s1.id, version: 1, targetText: "窗口乙" }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("已在别处修改") });
    const row = await db.translationSegment.findUniqueOrThrow({ where: { id: s1.id } });
    expect(row).toMatchObject({ targetText: "窗口甲", version: 2 });
  });

  it("lets exactly one of two simultaneous saves from the same version win", async () => {
    const { translator, article, segments } = await two();
    const save = (t: string) =>
      saveSegment(translator, {
        articleId: article.id,
        segmentId: segments[0]!.id,
        version: 1,
        targetText: t,
      });
    const results = await Promise.allSettled([save("甲"), save("乙")]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((await db.translationSegment.findUniqueOrThrow({ where: { id: segments[0]!.id } })).version).toBe(
      2,
    );
  });

  it("editing a confirmed segment makes it a draft again; an unchanged autosave keeps it", async () => {
    const { translator, article, segments } = await two();
    const base = { articleId: article.id, segmentId: segments[1]!.id };
    const c = await saveSegment(translator, {
      ...base,
      version: 1,
      targetText: "立即打补丁。",
      status: "TRANSLATED",
    });
    const same = await saveSegment(translator, { ...base, version: c.version, targetText: "立即打补丁。" });
    expect(same.status).toBe("TRANSLATED");
    const edited = await saveSegment(translator, {
      ...base,
      version: same.version,
      targetText: "请立即打补丁。",
    });
    expect(edited.status).toBe("DRAFT");
    const cleared = await saveSegment(translator, { ...base, version: edited.version, targetText: "" });
    expect(cleared.status).toBe("UNTRANSLATED");
  });

  it("refuses to confirm an empty segment, too long or unsafe text, and carried kinds", async () => {
    const { translator, article, segments } = await translationWith([
      { source: "Hello." },
      { kind: "CODE", source: "ls", node: { type: "codeBlock", content: [{ type: "text", text: "ls" }] } },
    ]);
    const base = { articleId: article.id, segmentId: segments[0]!.id, version: 1 };
    await expect(
      saveSegment(translator, { ...base, targetText: " ", status: "TRANSLATED" }),
    ).rejects.toMatchObject({ code: "INVALID" });
    await expect(saveSegment(translator, { ...base, targetText: "字".repeat(20_001) })).rejects.toThrow();
    await expect(saveSegment(translator, { ...base, targetText: "a\u0000b" })).rejects.toThrow();
    await expect(saveSegment(translator, { ...base, targetText: "\ud83d" })).rejects.toThrow();
    await expect(
      saveSegment(translator, { ...base, segmentId: segments[1]!.id, targetText: "代码" }),
    ).rejects.toMatchObject({ code: "INVALID" });
    expect((await segmentsOf(article.id)).map((s) => s.version)).toEqual([1, 1]);
  });

  it("clears the machine pre-fill mark when a person edits or confirms", async () => {
    const { translator, article, segments } = await two();
    await db.translationSegment.updateMany({
      where: { articleId: article.id },
      data: { machineFilled: true, targetText: "机器译文", status: "DRAFT" },
    });
    const base = { articleId: article.id, version: 1 };
    const kept = await saveSegment(translator, {
      ...base,
      segmentId: segments[0]!.id,
      targetText: "机器译文",
    });
    expect(kept.machineFilled).toBe(true);
    const confirmed = await saveSegment(translator, {
      ...base,
      version: 2,
      segmentId: segments[0]!.id,
      targetText: "机器译文",
      status: "TRANSLATED",
    });
    const edited = await saveSegment(translator, {
      ...base,
      segmentId: segments[1]!.id,
      targetText: "人工译文",
    });
    expect([confirmed.machineFilled, edited.machineFilled]).toEqual([false, false]);
  });

  it("another translator's draft is NOT_FOUND, a reader cannot, an editor can and may review", async () => {
    const { article, segments } = await two();
    const input = { articleId: article.id, segmentId: segments[1]!.id, version: 1, targetText: "改动" };
    const other = await createActor("TRANSLATOR");
    await expect(saveSegment(other, input)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listSegments(other, article.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const reader = await createActor("READER");
    await expect(saveSegment(reader, input)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(saveSegment(null, input)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect((await db.translationSegment.findUniqueOrThrow({ where: { id: segments[1]!.id } })).version).toBe(
      1,
    );

    const editor = await createActor("EDITOR");
    const reviewed = await saveSegment(editor, { ...input, targetText: "立即打补丁。", status: "REVIEWED" });
    expect(reviewed).toMatchObject({ status: "REVIEWED", version: 2 });
    expect((await listSegments(editor, article.id)).permissions).toEqual({ canEdit: true, canReview: true });
  });

  it("a translator cannot mark reviewed, nor save once the article is in review", async () => {
    const { translator, article, segments } = await two();
    const input = {
      articleId: article.id,
      segmentId: segments[1]!.id,
      version: 1,
      targetText: "立即打补丁。",
    };
    await expect(saveSegment(translator, { ...input, status: "REVIEWED" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await db.article.update({ where: { id: article.id }, data: { status: "IN_REVIEW" } });
    await expect(saveSegment(translator, input)).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining("审核中"),
    });
  });

  it("a segment id from another article is NOT_FOUND", async () => {
    const a = await two();
    const b = await two();
    await expect(
      saveSegment(a.translator, {
        articleId: a.article.id,
        segmentId: b.segments[0]!.id,
        version: 1,
        targetText: "越权",
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await segmentsOf(b.article.id))[0]!.targetText).toBe("");
  });
});
