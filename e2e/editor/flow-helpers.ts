import { expect, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import { withDb } from "../db";

/** Helpers of the editor specs (newsroom-flow, writing): the database row, images sent as a person would, the public clock. */

export type ArticleRow = {
  publicId: string;
  status: string;
  version: number;
  scheduledAt: Date | null;
  publishedAt: Date | null;
  missedScheduleAt: Date | null;
};

/** The article as stored; the timestamps hold UTC without a zone (Prisma's way), read back as UTC moments. */
export const articleRow = (id: string) =>
  withDb(async (c) => {
    const { rows } = await c.query<ArticleRow>(
      `SELECT "publicId", status, version,
              "scheduledAt" AT TIME ZONE 'UTC' AS "scheduledAt",
              "publishedAt" AT TIME ZONE 'UTC' AS "publishedAt",
              "missedScheduleAt" AT TIME ZONE 'UTC' AS "missedScheduleAt"
       FROM articles WHERE id = $1`,
      [id],
    );
    if (!rows[0]) throw new Error(`no article ${id}`);
    return rows[0];
  });

/** Who moved the article, in order: [from, to, actor's role] per history row. */
export const transitions = (id: string) =>
  withDb(async (c) => {
    const { rows } = await c.query<{ from: string | null; to: string; role: string | null }>(
      `SELECT t."fromStatus" AS "from", t."toStatus" AS "to", u.role
       FROM article_transitions t LEFT JOIN users u ON u.id = t."actorId"
       WHERE t."articleId" = $1 ORDER BY t."createdAt", t.id`,
      [id],
    );
    return rows;
  });

/**
 * A PNG drawn on a canvas in the page (so no fixture file) handed to the editor as a paste
 * (ClipboardEvent with a DataTransfer) or a drop (dragenter/dragover/drop at the target's centre):
 * the events a browser fires when a person pastes a screenshot or drags a file in.
 */
export async function sendImage(editor: Locator, how: "paste" | "drop", target?: Locator) {
  await target?.scrollIntoViewIfNeeded();
  const box = target ? await target.boundingBox() : null;
  if (target && !box) throw new Error("the drop target is not on screen");
  await editor.evaluate(
    async (el, { how, x, y, hue }) => {
      const canvas = document.createElement("canvas");
      canvas.width = 200;
      canvas.height = 120;
      const g = canvas.getContext("2d")!;
      g.fillStyle = `hsl(${hue} 65% 45%)`;
      g.fillRect(0, 0, 200, 120);
      g.fillStyle = "#fff";
      g.fillRect(30, 30, 60, 60);
      const blob = await new Promise<Blob>((r) => canvas.toBlob((b) => r(b!), "image/png"));
      const data = new DataTransfer();
      data.items.add(new File([blob], `${how}.png`, { type: "image/png" }));
      if (how === "paste") {
        el.dispatchEvent(
          new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }),
        );
        return;
      }
      for (const type of ["dragenter", "dragover", "drop"])
        el.dispatchEvent(
          new DragEvent(type, {
            dataTransfer: data,
            clientX: x,
            clientY: y,
            bubbles: true,
            cancelable: true,
          }),
        );
    },
    {
      how,
      x: box ? box.x + box.width / 2 : 0,
      y: box ? box.y + box.height / 2 : 0,
      hue: (Date.now() + (how === "drop" ? 180 : 0)) % 360,
    },
  );
}

/**
 * The figure dialog opens on an uploaded image: its preview (alt="", so no img role) is ours
 * (/media/…); then alt text and caption.
 */
export async function describeImage(page: Page, alt: string, caption = "") {
  const dialog = page.getByRole("dialog", { name: "编辑图片" });
  await expect(dialog).toBeVisible({ timeout: 30_000 });
  await expect(dialog.locator("img")).toHaveAttribute("src", /^\/media\//, { timeout: 30_000 });
  await dialog.getByRole("textbox", { name: /替代文本/ }).fill(alt);
  if (caption) await dialog.getByRole("textbox", { name: /图注/ }).fill(caption);
  await dialog.getByRole("button", { name: "更新图片" }).click();
  await expect(dialog).toBeHidden();
}

/** The datetime-local value (Beijing time, the browser's zone in playwright.config.ts) of a moment. */
export const beijingLocal = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16);

/**
 * Polls a public URL as an anonymous reader (no cookies, asking past any cache) every 250 ms until
 * its HTML names the title; resolves with the moment it first did.
 */
export async function firstSeen(request: APIRequestContext, url: string, title: string, timeout: number) {
  let seenAt = 0;
  await expect
    .poll(
      async () => {
        const res = await request.get(url, { headers: { "cache-control": "no-cache" } });
        const shows = res.status() === 200 && (await res.text()).includes(title);
        if (shows && !seenAt) seenAt = Date.now();
        return shows;
      },
      { timeout, intervals: [250] },
    )
    .toBe(true);
  return seenAt;
}

/** The version of the article's newest snapshot in 历史版本 (what "the previous revision" is at that moment). */
export const newestRevision = (id: string) =>
  withDb(async (c) => {
    const { rows } = await c.query<{ version: number }>(
      `SELECT max(version) AS version FROM article_revisions WHERE "articleId" = $1`,
      [id],
    );
    if (rows[0]?.version == null) throw new Error(`article ${id} has no revisions`);
    return rows[0].version;
  });
