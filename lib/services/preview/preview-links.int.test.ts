import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createActor, doc } from "@/lib/services/articles/test-helpers";
import { createArticle } from "@/lib/test/factories";
import { createPreviewLink } from "./create-preview-link";
import { listPreviewLinks } from "./list-preview-links";
import { getLinkPreview } from "./get-link-preview";
import { revokePreviewLink } from "./revoke-preview-link";
import { getStaffPreview } from "./get-staff-preview";
import { hashPreviewToken } from "./token";

const HOUR = 3_600_000;
const tokenOf = (url: string) => new URL(url).pathname.split("/").at(-1)!;

async function draftOf(role: "CONTRIBUTOR" | "EDITOR" = "CONTRIBUTOR") {
  const author = await createActor(role);
  const article = await createArticle({ authorId: author.id, status: "DRAFT", body: doc("预览正文 草稿") });
  return { author, article };
}

describe("preview links", () => {
  it("stores only the token's hash, expires after 48 h by default and opens the draft until then", async () => {
    const { author, article } = await draftOf();
    const now = new Date();
    const link = await createPreviewLink(author, { articleId: article.id }, now);
    const token = tokenOf(link.url);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(link.expiresAt.getTime()).toBe(now.getTime() + 48 * HOUR);

    const row = await db.previewLink.findUniqueOrThrow({ where: { id: link.id } });
    expect(row.tokenHash).toBe(hashPreviewToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    const audits = await db.auditLog.findMany({ where: { targetId: article.id, action: "preview.create" } });
    expect(audits).toHaveLength(1);
    expect(JSON.stringify(audits.map((a) => a.meta))).not.toContain(token);

    const open = await getLinkPreview(token, new Date(now.getTime() + 47 * HOUR));
    expect(open?.status).toBe("DRAFT");
    expect(open?.article.bodyHtml).toContain("预览正文 草稿");
    expect(open?.article.publishedAt).toBeNull();
    expect(await getLinkPreview(token, new Date(now.getTime() + 48 * HOUR))).toBeNull();
  });

  it("takes a chosen validity from one hour to seven days, nothing outside", async () => {
    const { author, article } = await draftOf();
    const now = new Date();
    const hour = await createPreviewLink(author, { articleId: article.id, hours: 1 }, now);
    expect(hour.expiresAt.getTime()).toBe(now.getTime() + HOUR);
    const week = await createPreviewLink(author, { articleId: article.id, hours: 168 }, now);
    expect(week.expiresAt.getTime()).toBe(now.getTime() + 168 * HOUR);
    for (const hours of [0, 169, 1.5, "48"])
      await expect(createPreviewLink(author, { articleId: article.id, hours })).rejects.toThrow();
  });

  it("a revoked link stops at once; the list shows active, expired and revoked; revoking is audited", async () => {
    const { author, article } = await draftOf();
    const now = new Date();
    const live = await createPreviewLink(author, { articleId: article.id }, now);
    const old = await createPreviewLink(
      author,
      { articleId: article.id, hours: 1 },
      new Date(now.getTime() - 2 * HOUR),
    );
    const gone = await createPreviewLink(author, { articleId: article.id }, now);
    await revokePreviewLink(author, { articleId: article.id, linkId: gone.id }, now);
    await revokePreviewLink(author, { articleId: article.id, linkId: gone.id }, now); // twice is fine

    expect(await getLinkPreview(tokenOf(gone.url))).toBeNull();
    expect(await getLinkPreview(tokenOf(old.url))).toBeNull();
    expect(await getLinkPreview(tokenOf(live.url))).not.toBeNull();
    const list = await listPreviewLinks(author, article.id, now);
    expect(Object.fromEntries(list.map((l) => [l.id, l.state]))).toEqual({
      [live.id]: "active",
      [old.id]: "expired",
      [gone.id]: "revoked",
    });
    expect(JSON.stringify(list)).not.toMatch(/token|hash/i);
    expect(await db.auditLog.count({ where: { targetId: article.id, action: "preview.revoke" } })).toBe(1);
  });

  it("only those who may see the draft create, list or revoke its links; others get NOT_FOUND", async () => {
    const { author, article } = await draftOf();
    const link = await createPreviewLink(author, { articleId: article.id });
    const stranger = await createActor("CONTRIBUTOR");
    const translator = await createActor("TRANSLATOR");
    const reader = await createActor("READER");
    const editor = await createActor("EDITOR");
    for (const actor of [stranger, translator, reader]) {
      await expect(createPreviewLink(actor, { articleId: article.id })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
      await expect(listPreviewLinks(actor, article.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(
        revokePreviewLink(actor, { articleId: article.id, linkId: link.id }),
      ).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
      await expect(getStaffPreview(actor, article.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    await expect(createPreviewLink(null, { articleId: article.id })).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
    // an editor may see any draft; a link of another article cannot be revoked through this one
    expect((await listPreviewLinks(editor, article.id)).map((l) => l.id)).toEqual([link.id]);
    const other = await draftOf("EDITOR");
    await expect(
      revokePreviewLink(other.author, { articleId: other.article.id, linkId: link.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await getStaffPreview(editor, article.id)).article.title).toBe(article.title);
  });

  it("malformed and unknown tokens, and links to a deleted article, open nothing", async () => {
    const { author, article } = await draftOf();
    const link = await createPreviewLink(author, { articleId: article.id });
    for (const t of ["", "short", "a".repeat(43) + "/", "../../etc/passwd", null, 42, "A".repeat(43)])
      expect(await getLinkPreview(t)).toBeNull();
    await db.article.update({ where: { id: article.id }, data: { deletedAt: new Date() } });
    expect(await getLinkPreview(tokenOf(link.url))).toBeNull();
  });

  it("shows a live article's pending edit rather than what readers see now", async () => {
    const editor = await createActor("EDITOR");
    const article = await createArticle({ authorId: editor.id, status: "PUBLISHED", body: doc("线上版本") });
    await db.articlePendingEdit.create({
      data: {
        articleId: article.id,
        baseVersion: article.version,
        editorId: editor.id,
        data: {
          title: "待更新的标题",
          lede: "新导语",
          body: doc("待更新的正文"),
          fields: { coverCaption: "" },
        },
      },
    });
    const got = await getStaffPreview(editor, article.id);
    expect(got.pending?.editorName).toBe(editor.displayName);
    expect(got.article).toMatchObject({ title: "待更新的标题", lede: "新导语", coverCaption: null });
    expect(got.article.bodyHtml).toContain("待更新的正文");
    expect(got.article.bodyHtml).not.toContain("线上版本");
  });

  it("a pending cover comes with its own renditions, not the live cover's", async () => {
    const editor = await createActor("EDITOR");
    const upload = async () => {
      const sha = crypto.randomBytes(32).toString("hex");
      const rendition = `${sha.slice(0, 2)}/${crypto.randomBytes(32).toString("hex")}.webp`;
      const media = await db.media.create({
        data: {
          storageKey: `${sha.slice(0, 2)}/${sha}.jpg`,
          sha256: sha,
          mime: "image/jpeg",
          size: 1,
          variants: [{ width: 480, height: 270, mime: "image/webp", storageKey: rendition, size: 1 }],
        },
      });
      return { url: `/media/${media.storageKey}`, srcset: `/media/${rendition} 480w` };
    };
    const [live, pending] = [await upload(), await upload()];
    const article = await createArticle({ authorId: editor.id, status: "PUBLISHED", body: doc("封面") });
    await db.article.update({ where: { id: article.id }, data: { coverUrl: live.url } });
    await db.articlePendingEdit.create({
      data: {
        articleId: article.id,
        baseVersion: article.version,
        editorId: editor.id,
        data: { title: "换封面", lede: "", body: doc("封面"), fields: { coverUrl: pending.url } },
      },
    });
    const got = await getStaffPreview(editor, article.id);
    expect(got.article).toMatchObject({ coverUrl: pending.url, coverSrcset: pending.srcset });
  });
});
