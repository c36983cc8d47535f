import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { uid } from "@/lib/test/factories";
import { countQueries } from "@/lib/test/query-counter";
import { auditRowsFor, createActor, fromIp } from "../admin/test-helpers";
import { createTerm } from "./create-term";
import { deleteTerm } from "./delete-term";
import { getGlossaryEntries } from "./get-glossary-entries";
import { listTerms } from "./list-terms";
import { updateTerm } from "./update-term";

const term = (k = uid(6)) => ({ source: `Zyxware ${k}`, target: `齐克软件 ${k}`, note: "", variants: "" });

describe("glossary management", () => {
  it("creates a term with variants and a note, audited with the IP", async () => {
    const editor = await createActor("EDITOR");
    const k = uid(6);
    const { id } = await fromIp("203.0.113.7", () =>
      createTerm(editor, {
        source: ` Infostealer ${k} `,
        target: "信息窃取程序",
        variants: `infostealers ${k}\ninfo-stealer ${k}, infostealers ${k}`,
        note: "不要译作“窃密木马”",
      }),
    );
    expect(await db.glossaryTerm.findUniqueOrThrow({ where: { id } })).toMatchObject({
      source: `Infostealer ${k}`,
      sourceNorm: `infostealer ${k}`,
      target: "信息窃取程序",
      variants: [`infostealers ${k}`, `info-stealer ${k}`],
      doNotTranslate: false,
      note: "不要译作“窃密木马”",
      updatedById: editor.id,
    });
    const [row] = await auditRowsFor(String(id), "glossaryTerm");
    expect(row).toMatchObject({
      action: "glossary.create",
      targetType: "glossaryTerm",
      actorId: editor.id,
      ip: "203.0.113.7",
    });
  });

  it("keeps a do-not-translate name without a translation, and requires one otherwise", async () => {
    const admin = await createActor("ADMIN");
    const k = uid(6);
    const { id } = await createTerm(admin, {
      source: `Lazarus ${k}`,
      target: "拉撒路",
      doNotTranslate: "on",
      note: "朝鲜 APT 组织",
    });
    expect(await db.glossaryTerm.findUniqueOrThrow({ where: { id } })).toMatchObject({
      target: "",
      doNotTranslate: true,
    });
    await expect(createTerm(admin, { source: `Wiper ${k}`, target: " " })).rejects.toMatchObject({
      name: "ZodError",
      issues: [expect.objectContaining({ path: ["target"], message: "请填写译法，或勾选“不译”。" })],
    });
  });

  it("refuses a term that exists in another case or spacing with 术语已存在", async () => {
    const editor = await createActor("EDITOR");
    const t = term();
    await createTerm(editor, t);
    await expect(createTerm(editor, { ...t, source: `  ${t.source.toUpperCase()}` })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("术语已存在"),
      fieldErrors: { source: [expect.any(String)] },
    });
    // renaming another term onto it is the same conflict
    const other = await createTerm(editor, term());
    await expect(
      updateTerm(editor, { id: other.id, ...t, source: t.source.toLowerCase() }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("术语已存在"),
    });
  });

  it("updates every field (keeping its own name is no conflict) and records before and after", async () => {
    const editor = await createActor("EDITOR");
    const t = term();
    const { id } = await createTerm(editor, t);
    await updateTerm(editor, {
      id: String(id),
      ...t,
      source: t.source.toLowerCase(),
      target: "新译法",
      variants: ["x"],
    });
    expect(await db.glossaryTerm.findUniqueOrThrow({ where: { id } })).toMatchObject({
      source: t.source.toLowerCase(),
      target: "新译法",
      variants: ["x"],
    });
    const rows = await auditRowsFor(String(id), "glossaryTerm");
    expect(rows.at(-1)).toMatchObject({
      action: "glossary.update",
      meta: { from: { target: t.target }, to: { target: "新译法" } },
    });
    await expect(updateTerm(editor, { id: 2_000_000_000, ...t })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("deletes with an audit row that keeps the term, and says so when it is already gone", async () => {
    const editor = await createActor("EDITOR");
    const t = term();
    const { id } = await createTerm(editor, t);
    await deleteTerm(editor, { id });
    expect(await db.glossaryTerm.findUnique({ where: { id } })).toBeNull();
    expect((await auditRowsFor(String(id), "glossaryTerm")).at(-1)).toMatchObject({
      action: "glossary.delete",
      meta: { source: t.source, target: t.target },
    });
    await expect(deleteTerm(editor, { id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("lets only editors and admins change it; translators may read it, readers may not", async () => {
    const translator = await createActor("TRANSLATOR");
    const contributor = await createActor("CONTRIBUTOR");
    const reader = await createActor("READER");
    const editor = await createActor("EDITOR");
    const { id } = await createTerm(editor, term());
    for (const actor of [translator, contributor, reader]) {
      await expect(createTerm(actor, term())).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(updateTerm(actor, { id, ...term() })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(deleteTerm(actor, { id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(createTerm(null, term())).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(listTerms(translator)).resolves.toMatchObject({ page: 1 });
    await expect(listTerms(reader)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.glossaryTerm.findUnique({ where: { id } })).not.toBeNull();
  });
});

describe("listTerms", () => {
  it("searches term, variants and translation, filters 不译, 50 a page in alphabetical order", async () => {
    const editor = await createActor("EDITOR");
    const k = uid(6);
    for (let i = 0; i < 52; i++) {
      await createTerm(editor, {
        source: `Qterm${k} ${String(i).padStart(2, "0")}`,
        target: `术语${k}-${i}`,
        doNotTranslate: i % 10 === 0 ? "on" : undefined,
        variants: i === 7 ? `qvariant${k}` : "",
      });
    }
    const first = await listTerms(editor, { q: `QTERM${k}` });
    expect(first).toMatchObject({ total: 52, pageCount: 2, page: 1 });
    expect(first.items).toHaveLength(50);
    expect(first.items[0]).toMatchObject({ source: `Qterm${k} 00`, updatedByName: editor.displayName });
    const second = await listTerms(editor, { q: `qterm${k}`, page: "2" });
    expect(second.items.map((t) => t.source)).toEqual([`Qterm${k} 50`, `Qterm${k} 51`]);
    expect((await listTerms(editor, { q: `术语${k}-13` })).items.map((t) => t.source)).toEqual([
      `Qterm${k} 13`,
    ]);
    expect((await listTerms(editor, { q: `qvariant${k}` })).items.map((t) => t.source)).toEqual([
      `Qterm${k} 07`,
    ]);
    const dnt = await listTerms(editor, { q: `qterm${k}`, doNotTranslate: "1" });
    expect(dnt.items.map((t) => t.source)).toEqual(
      [0, 10, 20, 30, 40, 50].map((i) => `Qterm${k} ${i}`.replace(/ (\d)$/, " 0$1")),
    );
    // LIKE's wildcards are literal text in a search
    expect((await listTerms(editor, { q: `qterm${k}%` })).total).toBe(0);
    // a malformed filter is no filter
    expect((await listTerms(editor, { q: `qterm${k}`, page: "-3", doNotTranslate: {} })).page).toBe(1);
  });
});

describe("getGlossaryEntries", () => {
  it("returns every term for the matcher, re-read only after a change", async () => {
    const editor = await createActor("EDITOR");
    const t = term();
    const { id } = await createTerm(editor, { ...t, variants: "zyx" });
    const entries = await getGlossaryEntries();
    expect(entries.find((e) => e.id === id)).toEqual({
      id,
      source: t.source,
      target: t.target,
      variants: ["zyx"],
      doNotTranslate: false,
      note: "",
    });
    // unchanged: one version query, no re-read
    const again = await countQueries(() => getGlossaryEntries());
    expect(again.queries).toHaveLength(1);
    expect(again.result).toBe(entries);

    await updateTerm(editor, { id, ...t, target: "改后的译法" });
    expect((await getGlossaryEntries()).find((e) => e.id === id)?.target).toBe("改后的译法");
    await deleteTerm(editor, { id });
    expect((await getGlossaryEntries()).find((e) => e.id === id)).toBeUndefined();
    // a delete and a create in between leave the count alone; the version still moves
    const a = await createTerm(editor, term());
    await getGlossaryEntries();
    await deleteTerm(editor, { id: a.id });
    const b = await createTerm(editor, term());
    const ids = (await getGlossaryEntries()).map((e) => e.id);
    expect(ids).toContain(b.id);
    expect(ids).not.toContain(a.id);
  });
});
