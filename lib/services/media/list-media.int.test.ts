import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/authz";
import { createActor } from "@/lib/services/articles/test-helpers";
import { listMedia } from "./list-media";
import { updateMediaAlt } from "./update-media-alt";
import { uploadImage } from "./upload-image";

let contributor: Actor;
let other: Actor;
let editor: Actor;
const tag = Math.random().toString(36).slice(2, 8);

async function upload(actor: Actor, filename: string, alt: string | null, color: string) {
  const file = path.join(process.env.UPLOAD_DIR!, `in-${Math.random().toString(36).slice(2)}`);
  await fs.writeFile(
    file,
    await sharp({ create: { width: 40, height: 20, channels: 3, background: color } })
      .png()
      .toBuffer(),
  );
  return uploadImage(actor, { file, filename, alt });
}

beforeAll(async () => {
  process.env.UPLOAD_DIR = await fs.mkdtemp(path.join(os.tmpdir(), "byline-library-"));
  [contributor, other, editor] = await Promise.all([
    createActor("CONTRIBUTOR"),
    createActor("CONTRIBUTOR"),
    createActor("EDITOR"),
  ]);
  await upload(contributor, `${tag}-topology.png`, "网络拓扑", "#102030");
  await upload(contributor, `${tag}-chart.png`, `${tag} 趋势图`, "#203040");
  await upload(other, `${tag}-secret-draft.png`, "他人的草稿图", "#304050");
});

describe("listMedia", () => {
  it("shows an uploader only their own uploads, newest first, whatever mine says", async () => {
    const r = await listMedia(contributor, { mine: "0" });
    expect(r).toMatchObject({ canSeeAll: false, mine: true, total: 2 });
    expect(r.items.map((m) => m.filename)).toEqual([`${tag}-chart.png`, `${tag}-topology.png`]);
  });

  it("finds by file name or alt text, case-insensitively", async () => {
    expect((await listMedia(contributor, { q: "TOPOLOGY" })).items.map((m) => m.alt)).toEqual(["网络拓扑"]);
    expect((await listMedia(contributor, { q: "拓扑" })).total).toBe(1);
    expect((await listMedia(contributor, { q: `${tag} 趋势` })).items.map((m) => m.filename)).toEqual([
      `${tag}-chart.png`,
    ]);
  });

  it("lets editors see everyone's uploads with mine=0", async () => {
    const all = await listMedia(editor, { q: tag, mine: "0" });
    expect(all).toMatchObject({ canSeeAll: true, mine: false, total: 3 });
    expect((await listMedia(editor, { q: tag })).total).toBe(0);
  });

  it("refuses readers and pages past the end are empty", async () => {
    await expect(listMedia(await createActor("READER"), {})).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await listMedia(contributor, { page: 9 })).items).toEqual([]);
  });
});

describe("updateMediaAlt", () => {
  it("sets the default alt text or the decorative mark of one's own upload; requires one of them", async () => {
    const [m] = (await listMedia(contributor, { q: "topology" })).items;
    expect(
      await updateMediaAlt(contributor, { id: m!.id, alt: "新的说明", decorative: false }),
    ).toMatchObject({
      alt: "新的说明",
      decorative: false,
    });
    expect(await updateMediaAlt(contributor, { id: m!.id, alt: "", decorative: true })).toMatchObject({
      alt: null,
      decorative: true,
    });
    await expect(
      updateMediaAlt(contributor, { id: m!.id, alt: " ", decorative: false }),
    ).rejects.toMatchObject({
      issues: [expect.objectContaining({ message: expect.stringContaining("替代文本") })],
    });
  });

  it("someone else's upload is not found to a contributor, editable by an editor", async () => {
    const [theirs] = (await listMedia(other, { q: "secret" })).items;
    await expect(
      updateMediaAlt(contributor, { id: theirs!.id, alt: "x", decorative: false }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(
      await updateMediaAlt(editor, { id: theirs!.id, alt: "编辑改过", decorative: false }),
    ).toMatchObject({
      alt: "编辑改过",
    });
  });
});
