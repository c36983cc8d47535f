import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { SegmentKind, SegmentStatus } from "@/lib/generated/prisma/enums";
import { createArticle, uid } from "@/lib/test/factories";
import { countQueries } from "@/lib/test/query-counter";
import { createActor } from "../../admin/test-helpers";
import { candidatesSql, indexOnly } from "./candidates";
import { lookupMemory } from "./lookup-memory";
import { recordMemory } from "./record-memory";

type Seg = { source: string; target: string; status?: SegmentStatus; kind?: SegmentKind; machine?: boolean };

/** A translation with these segments, published and recorded as the publish transaction would. */
async function publishTranslation(segments: Seg[]) {
  const article = await createArticle({ status: "PUBLISHED" });
  await db.translationSegment.createMany({
    data: segments.map((s, position) => ({
      articleId: article.id,
      position,
      kind: s.kind ?? "PARAGRAPH",
      sourceText: s.source,
      targetText: s.target,
      status: s.status ?? "REVIEWED",
      machineFilled: s.machine ?? false,
    })),
  });
  const written = await db.$transaction((tx) => recordMemory(tx, article.id));
  return { articleId: article.id, written };
}

const storedFor = (articleId: string) =>
  db.translationMemory.findMany({ where: { articleId }, orderBy: { sourceText: "asc" } });

describe("recordMemory", () => {
  it("stores translated and reviewed text segments only, in one INSERT", async () => {
    const k = uid();
    const { result, queries } = await countQueries(() =>
      publishTranslation([
        { source: `Reviewed ${k} one.`, target: `已审校 ${k} 一。` },
        { source: `Translated ${k} two.`, target: `已翻译 ${k} 二。`, status: "TRANSLATED" },
        { source: `Heading ${k}`, target: `标题 ${k}`, kind: "HEADING" },
        { source: `Draft ${k}.`, target: `草稿 ${k}。`, status: "DRAFT" },
        { source: `Untranslated ${k}.`, target: "", status: "UNTRANSLATED" },
        { source: `Blank target ${k}.`, target: "   " },
        { source: `Machine ${k}.`, target: `机器 ${k}。`, status: "TRANSLATED", machine: true },
        { source: `curl https://x.test/${k}`, target: `curl https://x.test/${k}`, kind: "CODE" },
        { source: `| a | ${k} |`, target: `| a | ${k} |`, kind: "TABLE" },
        { source: "x".repeat(2_001), target: "太长" },
      ]),
    );
    expect(result.written).toBe(3);
    expect(queries.filter((q) => /INSERT INTO translation_memory/i.test(q))).toHaveLength(1);
    const rows = await storedFor(result.articleId);
    expect(rows.map((r) => [r.sourceText, r.targetText, r.sourceNorm])).toEqual([
      [`Heading ${k}`, `标题 ${k}`, `heading ${k}`],
      [`Reviewed ${k} one.`, `已审校 ${k} 一。`, `reviewed ${k} one.`],
      [`Translated ${k} two.`, `已翻译 ${k} 二。`, `translated ${k} two.`],
    ]);
  });

  it("keeps one row per pair: a repeat refreshes it and moves it to the newer article", async () => {
    const k = uid();
    const pair = { source: `The  gang ${k} struck again.`, target: `该团伙 ${k} 再次发动攻击。` };
    const first = await publishTranslation([pair, { ...pair, source: `the gang ${k} struck again.` }]);
    expect(first.written).toBe(1);
    const [before] = await storedFor(first.articleId);
    const second = await publishTranslation([{ ...pair, source: `THE GANG ${k} struck again.` }]);
    const rows = await db.translationMemory.findMany({
      where: { sourceNorm: `the gang ${k} struck again.` },
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      id: before!.id,
      articleId: second.articleId,
      sourceText: `THE GANG ${k} struck again.`,
    });
    expect(rows[0]!.updatedAt.getTime()).toBeGreaterThan(before!.updatedAt.getTime());
    // another translation of the same source is a second pair
    await publishTranslation([{ ...pair, target: `这个团伙 ${k} 又出手了。` }]);
    expect(await db.translationMemory.count({ where: { sourceNorm: `the gang ${k} struck again.` } })).toBe(
      2,
    );
  });

  it("writes nothing for an article without stored segments", async () => {
    const { written, articleId } = await publishTranslation([
      { source: `Draft ${uid()}`, target: "", status: "DRAFT" },
    ]);
    expect(written).toBe(0);
    expect(await storedFor(articleId)).toEqual([]);
  });
});

describe("lookupMemory", () => {
  it("finds the exact source at 100 %, near ones with a word percentage and a diff, and not unrelated ones", async () => {
    const translator = await createActor("TRANSLATOR");
    const k = uid();
    const source = `Zorvex ${k} operators exploited CVE-2024-3400 in Palo Alto Networks firewalls to deploy a backdoor.`;
    await publishTranslation([
      { source, target: `Zorvex ${k} 的运营者利用 Palo Alto Networks 防火墙中的 CVE-2024-3400 部署后门。` },
      {
        source: `Zorvex ${k} operators exploited CVE-2024-3401 in Palo Alto Networks firewalls to deploy a backdoor.`,
        target: `近似 ${k} 一`,
      },
      {
        source: `Zorvex ${k} operators exploited a flaw in Fortinet VPN devices to steal credentials.`,
        target: `远 ${k}`,
      },
      { source: `The company ${k} said it found no evidence of data theft.`, target: `无关 ${k}` },
    ]);
    const matches = await lookupMemory(translator, {
      text: `  zorvex ${k}  operators exploited CVE-2024-3400 in Palo Alto Networks firewalls to deploy a backdoor. `,
    });
    expect(matches.map((m) => [m.targetText.split(" ")[0], m.score])).toEqual([
      [`Zorvex`, 100],
      ["近似", 93],
    ]);
    expect(matches[0]!.diff).toEqual([{ text: source, changed: false }]);
    expect(matches[1]!.diff.filter((p) => p.changed).map((p) => p.text)).toEqual(["CVE-2024-3401"]);
    expect(matches[1]!.diff.map((p) => p.text).join("")).toBe(matches[1]!.sourceText);
  });

  it("shows down to 60 % and no lower, best first, then newest, at most `limit`", async () => {
    const editor = await createActor("EDITOR");
    const k = uid();
    const words = ["one", "two", "three", "four", "five", "six", "seven", "eight"];
    const sentence = (replaced: number) =>
      [`Qelmor`, k, ...words.map((w, i) => (i >= words.length - replaced ? `x${w}` : w))].join(" ");
    const base = sentence(0); // 10 words
    // exact, then one, three, four and five of ten words replaced
    const variants = [sentence(0), sentence(1), sentence(3), sentence(4), sentence(5)];
    for (const [i, v] of variants.entries()) await publishTranslation([{ source: v, target: `旧 ${i}` }]);
    // the same 90 % source translated again later: newer first among equals
    await publishTranslation([{ source: variants[1]!, target: "新 1" }]);
    const all = await lookupMemory(editor, { text: base, limit: 10 });
    expect(all.map((m) => [m.targetText, m.score])).toEqual([
      ["旧 0", 100],
      ["新 1", 90],
      ["旧 1", 90],
      ["旧 2", 70],
      ["旧 3", 60],
    ]);
    expect((await lookupMemory(editor, { text: base, limit: 2 })).map((m) => m.targetText)).toEqual([
      "旧 0",
      "新 1",
    ]);
    expect(await lookupMemory(editor, { text: "   " })).toEqual([]);
  });

  it("refuses text over 2,000 characters with a clear message, and accepts 2,000", async () => {
    const translator = await createActor("TRANSLATOR");
    await expect(lookupMemory(translator, { text: "a ".repeat(1_000) })).resolves.toEqual(expect.any(Array));
    await expect(lookupMemory(translator, { text: "a".repeat(2_001) })).rejects.toMatchObject({
      code: "INVALID",
      message: expect.stringContaining("原文段落过长"),
      fieldErrors: { text: [expect.stringContaining("2,000")] },
    });
    await expect(lookupMemory(translator, { text: "a\u0000b" })).rejects.toMatchObject({ code: "INVALID" });
  });

  it("is for staff who translate: a reader and an anonymous caller are refused", async () => {
    const reader = await createActor("READER");
    await expect(lookupMemory(reader, { text: "ransomware" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(lookupMemory(null, { text: "ransomware" })).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
    const contributor = await createActor("CONTRIBUTOR");
    await expect(lookupMemory(contributor, { text: "ransomware" })).resolves.toEqual(expect.any(Array));
  });

  it("takes its candidates through the trigram index, never a sequential scan", async () => {
    // at a size where an index is worth it, with statistics as autovacuum keeps them: on a table of
    // a few rows the planner rightly walks it whole, and that says nothing about 100,000
    await db.$executeRaw`
      INSERT INTO translation_memory (id, "sourceText", "targetText", "sourceNorm", "pairHash", "updatedAt")
      SELECT 'plan-' || g, t, '译文 ' || g, lower(t), md5(t) || md5('plan' || g), now()
      FROM generate_series(1, 20000) AS g,
        LATERAL (SELECT (ARRAY['attackers','researchers','the vendor','a botnet','the agency'])[1 + g % 5] || ' ' ||
          (ARRAY['exploited','patched','disclosed','abused','reported'])[1 + g % 7 % 5] || ' flaw ' || g ||
          ' in ' || (ARRAY['routers','vpn gateways','mail servers','browsers','firewalls'])[1 + g % 11 % 5] || '.' AS t) AS s
      ON CONFLICT DO NOTHING`;
    await db.$executeRaw`ANALYZE translation_memory`;
    const [, plan] = await db.$transaction([
      indexOnly(),
      db.$queryRaw<{ "QUERY PLAN": string }[]>(
        Prisma.sql`EXPLAIN ${candidatesSql("Attackers exploited CVE-2024-3400 in Fortinet VPN devices.", 30)}`,
      ),
    ]);
    const text = plan.map((r) => r["QUERY PLAN"]).join("\n");
    // the exact source and each probe: one index scan apiece
    expect(
      text.match(/Bitmap Index Scan on "?translation_memory_sourceNorm_idx"?/g)?.length,
    ).toBeGreaterThanOrEqual(5);
    expect(text).not.toMatch(/Seq Scan/);
    await db.$executeRaw`DELETE FROM translation_memory WHERE id LIKE 'plan-%'`;
  });
});
