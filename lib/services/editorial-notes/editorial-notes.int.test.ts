import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { db } from "@/lib/db";
import { createArticle } from "@/lib/services/articles/create-article";
import { createActor, doc } from "@/lib/services/articles/test-helpers";
import { listMyNotifications } from "@/lib/services/notifications/list-my-notifications";
import { markAllRead, markRead } from "@/lib/services/notifications/mark-read";
import { createCategory, createUser, uid } from "@/lib/test/factories";
import { addNote } from "./add-note";
import { listNotes } from "./list-notes";

async function setup() {
  const translator = await createActor("TRANSLATOR");
  const a = await createArticle(translator, {
    title: "备注测试",
    categoryId: (await createCategory()).id,
    body: doc("正文"),
  });
  return { translator, id: a.id };
}

describe("editorial notes", () => {
  it("editors and the article's translator share the thread; readers, contributors and other translators never see it", async () => {
    const { translator, id } = await setup();
    const editor = await createActor("EDITOR");
    await addNote(editor, { articleId: id, body: "标题可以再短一点。" });
    await addNote(translator, { articleId: id, body: "好的，已改。" });
    const thread = await listNotes(translator, id);
    expect(thread.map((n) => [n.authorName, n.body])).toEqual([
      [editor.displayName, "标题可以再短一点。"],
      [translator.displayName, "好的，已改。"],
    ]);
    expect((await listNotes(await createActor("ADMIN"), id)).length).toBe(2);
    await expect(listNotes(await createActor("TRANSLATOR"), id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listNotes(await createActor("READER"), id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listNotes(null, id)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    // a contributor who wrote the article still never sees the staff thread
    const contributor = await createActor("CONTRIBUTOR");
    const own = await createArticle(contributor, {
      title: "投稿人",
      categoryId: (await createCategory()).id,
    });
    await addNote(editor, { articleId: own.id, body: "内部讨论" });
    await expect(listNotes(contributor, own.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(addNote(contributor, { articleId: own.id, body: "我也想说" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await db.editorialNote.count({ where: { articleId: own.id } })).toBe(1);
  });

  it("refuses empty, over-long and mass-assigned notes", async () => {
    const { translator, id } = await setup();
    for (const bad of [
      { articleId: id, body: "  " },
      { articleId: id, body: "字".repeat(2001) },
      { articleId: id, body: "ok", authorId: "x" },
    ])
      await expect(addNote(translator, bad)).rejects.toBeInstanceOf(ZodError);
    expect(await db.editorialNote.count({ where: { articleId: id } })).toBe(0);
  });

  it("@mentions notify staff who can read the notes; readers, outsiders and the writer are not notified", async () => {
    const { translator, id } = await setup();
    const tag = uid(4);
    const editor = await createUser({ role: "EDITOR", displayName: `编辑${tag}` });
    const longer = await createUser({ role: "EDITOR", displayName: `编辑${tag}长` });
    const reader = await createUser({ role: "READER", displayName: `读者${tag}` });
    const outsider = await createUser({ role: "TRANSLATOR", displayName: `译者${tag}` });
    const note = await addNote(translator, {
      articleId: id,
      body: `@编辑${tag}，请看第二段；@读者${tag} @译者${tag} @${translator.displayName}`,
    });
    expect(note.mentionedIds).toEqual([editor.id]);
    const [n] = (await listMyNotifications({ ...translator, id: editor.id, role: "EDITOR" })).items;
    expect(n).toMatchObject({ kind: "note.mention", url: `/editor/articles/${id}#editorial-notes` });
    for (const u of [longer, reader, outsider])
      expect(await db.notification.count({ where: { userId: u.id } })).toBe(0);
    expect(await db.notification.count({ where: { userId: translator.id } })).toBe(0);
    expect((await listNotes(translator, id))[0]!.mentionedNames).toEqual([`编辑${tag}`]);
    // the longer name wins where it is written in full
    const second = await addNote(translator, { articleId: id, body: `@编辑${tag}长 你好` });
    expect(second.mentionedIds).toEqual([longer.id]);
  });
});

describe("notifications are private", () => {
  it("nobody lists, opens or marks another person's notices", async () => {
    const { translator, id } = await setup();
    const editor = await createActor("EDITOR");
    await addNote(translator, { articleId: id, body: `@${editor.displayName} 请审阅` });
    const mine = await listMyNotifications(editor);
    expect(mine.unread).toBe(1);
    const noticeId = mine.items[0]!.id;
    const stranger = await createActor("EDITOR");
    expect((await listMyNotifications(stranger)).items).toEqual([]);
    await expect(markRead(stranger, { id: noticeId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await markAllRead(stranger)).toEqual({ count: 0 });
    expect((await listMyNotifications(editor)).unread).toBe(1);
    await expect(markRead(null, { id: noticeId })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await markRead(editor, { id: noticeId })).toEqual({
      url: `/editor/articles/${id}#editorial-notes`,
    });
    expect((await listMyNotifications(editor)).unread).toBe(0);
  });

  it("an unsafe stored url is never handed out; mark all read clears the count", async () => {
    const reader = await createActor("READER");
    await db.notification.createMany({
      data: [
        { userId: reader.id, kind: "note.mention", title: "a", url: "https://evil.example/" },
        { userId: reader.id, kind: "note.mention", title: "b", url: "//evil.example/" },
      ],
    });
    const list = await listMyNotifications(reader);
    expect(list.items.map((i) => i.url)).toEqual([null, null]);
    expect(await markRead(reader, { id: list.items[0]!.id })).toEqual({ url: "/me/notifications" });
    expect(await markAllRead(reader)).toEqual({ count: 1 });
    expect((await listMyNotifications(reader)).unread).toBe(0);
  });
});
