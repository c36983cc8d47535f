import { beforeEach, describe, expect, it } from "vitest";
import { tags } from "@/lib/cache-tags";
import { db } from "@/lib/db";
import { createTag, uid } from "@/lib/test/factories";
import { invalidated } from "@/lib/test/next-mocks";
import { createActor } from "../admin/test-helpers";
import { resolveTags } from "../articles/resolve-tags";
import { getTag } from "../public/get-tag";
import { mergeTags } from "./merge-tags";
import { updateTagEntity } from "./update-tag-entity";

/** Threat entities (issue 16): typed tags with aliases that tagging resolves. */

const aliasesOf = async (tagId: number) =>
  (await db.tagAlias.findMany({ where: { tagId }, orderBy: { key: "asc" } })).map((a) => [a.key, a.name]);

beforeEach(() => {
  invalidated.length = 0;
});

describe("threat entities", () => {
  it("an editor makes a tag an actor with aliases: stored once per spelling, audited, its page invalidated", async () => {
    const editor = await createActor("EDITOR");
    const t = await createTag({ name: `APT${uid(4)}` });
    const s = uid(4);
    const r = await updateTagEntity(editor, {
      id: t.id,
      kind: "ACTOR",
      description: "  长期针对外交机构的间谍组织。 ",
      // one per line, commas and 、; a repeat in another case and full width, and the tag's own name
      aliases: `Cozy Bear ${s}\nMidnight Blizzard ${s}，舒适熊${s}、cozy  bear ${s}\nＣＯＺＹ ＢＥＡＲ ${s}\n${t.name}`,
    });
    expect(r.aliases).toEqual([`Cozy Bear ${s}`, `Midnight Blizzard ${s}`, `舒适熊${s}`]);
    expect(await db.tag.findUniqueOrThrow({ where: { id: t.id } })).toMatchObject({
      kind: "ACTOR",
      description: "长期针对外交机构的间谍组织。",
    });
    expect(await aliasesOf(t.id)).toEqual([
      [`cozy bear ${s}`, `Cozy Bear ${s}`],
      [`midnight blizzard ${s}`, `Midnight Blizzard ${s}`],
      [`舒适熊${s}`, `舒适熊${s}`],
    ]);
    const audit = await db.auditLog.findFirst({ where: { action: "tag.entity", targetId: String(t.id) } });
    expect(audit?.meta).toEqual({ kind: "ACTOR", aliases: r.aliases });
    expect(invalidated).toEqual(expect.arrayContaining([tags.tag(t.slug), tags.articles()]));
    expect(await getTag(t.slug)).toMatchObject({ kind: "ACTOR", aliases: r.aliases });

    // saving again replaces the list
    await updateTagEntity(editor, { id: t.id, kind: "ACTOR", description: "", aliases: `Cozy Bear ${s}` });
    expect(await aliasesOf(t.id)).toEqual([[`cozy bear ${s}`, `Cozy Bear ${s}`]]);
    expect((await db.tag.findUniqueOrThrow({ where: { id: t.id } })).description).toBeNull();
  });

  it("tagging with an alias tags the entity, once however many of its names are given", async () => {
    const editor = await createActor("EDITOR");
    const t = await createTag({ name: `Lazarus${uid(4)}` });
    const s = uid(4);
    await updateTagEntity(editor, {
      id: t.id,
      kind: "ACTOR",
      description: "",
      aliases: `Hidden Cobra ${s}, 拉撒路${s}`,
    });
    const resolved = await db.$transaction((tx) =>
      resolveTags(tx, editor, [`hidden cobra ${s}`, t.name.toUpperCase(), `拉撒路${s}`]),
    );
    expect(resolved.map((x) => x.id)).toEqual([t.id]);
    // a contributor may use an alias too (no new tag is created)
    const contributor = await createActor("CONTRIBUTOR");
    const byAlias = await db.$transaction((tx) => resolveTags(tx, contributor, [`HIDDEN COBRA ${s}`]));
    expect(byAlias).toEqual([{ id: t.id, slug: t.slug, name: t.name }]);
  });

  it("an alias naming another tag, or another tag's alias, is refused and nothing changes", async () => {
    const editor = await createActor("EDITOR");
    const a = await createTag();
    const b = await createTag();
    const s = uid(4);
    await updateTagEntity(editor, { id: a.id, kind: "MALWARE", description: "", aliases: `Qbot ${s}` });
    await expect(
      updateTagEntity(editor, { id: b.id, kind: "MALWARE", description: "", aliases: `新名${s}\nqbot ${s}` }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining(`「${a.name}」的别名`) });
    await expect(
      updateTagEntity(editor, { id: b.id, kind: "MALWARE", description: "", aliases: a.name }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("已是一个标签") });
    expect(await aliasesOf(b.id)).toEqual([]);
    expect((await db.tag.findUniqueOrThrow({ where: { id: b.id } })).kind).toBe("TOPIC");
  });

  it("merging keeps the merged tag's name and aliases as aliases of the kept one", async () => {
    const editor = await createActor("EDITOR");
    const from = await createTag();
    const into = await createTag();
    const s = uid(4);
    await updateTagEntity(editor, { id: from.id, kind: "VENDOR", description: "", aliases: `思科${s}` });
    await mergeTags(editor, { id: from.id, into: into.name });
    expect((await aliasesOf(into.id)).map(([, name]) => name).sort()).toEqual([from.name, `思科${s}`].sort());
    const resolved = await db.$transaction((tx) => resolveTags(tx, editor, [from.name]));
    expect(resolved.map((x) => x.id)).toEqual([into.id]);
  });

  it("refuses hostile input and non-editors with nothing written", async () => {
    const editor = await createActor("EDITOR");
    const t = await createTag();
    const bad: unknown[] = [
      { id: t.id, kind: "ACTOR", description: "", aliases: "空字符\u0000" },
      { id: t.id, kind: "ACTOR", description: "", aliases: "x".repeat(65) },
      {
        id: t.id,
        kind: "ACTOR",
        description: "",
        aliases: Array.from({ length: 21 }, (_, i) => `a${i}`).join("\n"),
      },
      { id: t.id, kind: "ACTOR", description: "", aliases: { $ne: "" } },
      { id: t.id, kind: "GROUP", description: "", aliases: "" },
      { id: t.id, kind: "ACTOR", description: "长".repeat(501), aliases: "" },
      { id: t.id, kind: "ACTOR", description: "", aliases: "", slug: "x" },
    ];
    for (const input of bad)
      await expect(updateTagEntity(editor, input)).rejects.toMatchObject({ name: "ZodError" });
    for (const role of ["READER", "CONTRIBUTOR", "TRANSLATOR"] as const)
      await expect(
        updateTagEntity(await createActor(role), { id: t.id, kind: "ACTOR", description: "", aliases: "x" }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await aliasesOf(t.id)).toEqual([]);
    expect((await db.tag.findUniqueOrThrow({ where: { id: t.id } })).kind).toBe("TOPIC");
  });
});
