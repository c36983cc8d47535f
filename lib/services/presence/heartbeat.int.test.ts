import { describe, expect, it } from "vitest";
import { createCategory } from "@/lib/test/factories";
import { createArticle } from "@/lib/services/articles/create-article";
import { createActor, doc } from "@/lib/services/articles/test-helpers";
import { heartbeat, PRESENCE_TTL_MS } from "./heartbeat";

describe("presence heartbeat", () => {
  it("shows who else has the article open in the last 30 s, never oneself", async () => {
    const author = await createActor("TRANSLATOR");
    const editor = await createActor("EDITOR");
    const admin = await createActor("ADMIN");
    const category = await createCategory();
    const a = await createArticle(author, { title: "同时编辑", categoryId: category.id, body: doc("正文") });
    const t = new Date("2026-03-01T02:00:00Z");
    const later = (ms: number) => new Date(t.getTime() + ms);

    expect(await heartbeat(author, { articleId: a.id, here: true }, t)).toEqual([]);
    expect(await heartbeat(editor, { articleId: a.id, here: true }, later(5_000))).toEqual([
      { id: author.id, displayName: author.displayName },
    ]);
    await heartbeat(admin, { articleId: a.id, here: true }, later(6_000));
    const seen = await heartbeat(author, { articleId: a.id, here: true }, later(10_000));
    expect(seen.map((p) => p.id).sort()).toEqual([editor.id, admin.id].sort());
    // the admin leaves; the editor stops sending: gone after 30 s
    await heartbeat(admin, { articleId: a.id, here: false }, later(11_000));
    expect(
      await heartbeat(author, { articleId: a.id, here: true }, later(5_000 + PRESENCE_TTL_MS - 1)),
    ).toEqual([{ id: editor.id, displayName: editor.displayName }]);
    expect(await heartbeat(author, { articleId: a.id, here: true }, later(5_001 + PRESENCE_TTL_MS))).toEqual(
      [],
    );
  });

  it("someone who may not see the draft gets NOT_FOUND and leaves no row", async () => {
    const author = await createActor("TRANSLATOR");
    const stranger = await createActor("CONTRIBUTOR");
    const category = await createCategory();
    const a = await createArticle(author, { title: "私人草稿", categoryId: category.id });
    await expect(heartbeat(stranger, { articleId: a.id, here: true })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await heartbeat(author, { articleId: a.id, here: true })).toEqual([]);
    await expect(heartbeat(author, { articleId: a.id, here: true, extra: 1 })).rejects.toThrow();
  });
});
