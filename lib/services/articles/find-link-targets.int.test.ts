import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createArticle, uid } from "@/lib/test/factories";
import { findLinkTargets } from "./find-link-targets";
import { createActor } from "./test-helpers";

describe("findLinkTargets", () => {
  it("finds published articles by title, case-insensitively, newest first, as /posts/ links", async () => {
    const word = `Zeta${uid(6)}`;
    const writer = await createActor("TRANSLATOR");
    const older = await createArticle({
      title: `${word} 漏洞旧闻`,
      publishedAt: new Date(Date.now() - 86_400_000),
    });
    const newer = await createArticle({ title: `关于 ${word.toUpperCase()} 的新报道` });
    await createArticle({ title: `${word} 草稿`, status: "DRAFT" });
    const deleted = await createArticle({ title: `${word} 已删除` });
    await db.article.update({ where: { id: deleted.id }, data: { deletedAt: new Date() } });

    expect(await findLinkTargets(writer, { q: word.toLowerCase() })).toEqual([
      { title: newer.title, url: `/posts/${newer.publicId}` },
      { title: older.title, url: `/posts/${older.publicId}` },
    ]);
  });

  it("takes % _ and \\ literally, and answers at most ten", async () => {
    const tag = uid(6);
    const editor = await createActor("EDITOR");
    const percent = await createArticle({ title: `${tag} 100% 可利用` });
    await createArticle({ title: `${tag} 1000 台设备` });
    const underscore = await createArticle({ title: `${tag} a_b` });
    await createArticle({ title: `${tag} axb` });
    const backslash = await createArticle({ title: `${tag} C:\\temp` });
    const titles = async (q: string) => (await findLinkTargets(editor, { q })).map((t) => t.title);
    expect(await titles(`${tag} 100%`)).toEqual([percent.title]);
    expect(await titles(`${tag} a_b`)).toEqual([underscore.title]);
    expect(await titles(`${tag} C:\\t`)).toEqual([backslash.title]);

    const many = `Many${uid(6)}`;
    for (let i = 0; i < 12; i++) await createArticle({ title: `${many} ${i}` });
    expect(await findLinkTargets(editor, { q: many })).toHaveLength(10);
  });

  it("answers nothing for an empty query; refuses readers and a query over 100 characters", async () => {
    const writer = await createActor("CONTRIBUTOR");
    expect(await findLinkTargets(writer, { q: "   " })).toEqual([]);
    await expect(findLinkTargets(writer, { q: "长".repeat(101) })).rejects.toBeInstanceOf(ZodError);
    await expect(findLinkTargets(writer, { q: "x", extra: 1 })).rejects.toBeInstanceOf(ZodError);
    const reader = await createActor("READER");
    await expect(findLinkTargets(reader, { q: "x" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(findLinkTargets(null, { q: "x" })).rejects.toBeInstanceOf(AppError);
  });
});
