import { expect, test } from "@playwright/test";
import { authStatePath } from "../auth-state";
import { commentSettingRows, restoreCommentSettings } from "./moderation-db";

test.describe("comment rules", () => {
  test.use({ storageState: authStatePath("ADMIN") });

  test("an admin saves blocked words and the moderation mode", async ({ page }) => {
    const before = await commentSettingRows();
    const word = `词${Math.random().toString(36).slice(2, 8)}`;
    try {
      await page.goto("/admin/comments");
      await page.getByRole("link", { name: "评论规则" }).click();
      await expect(page.getByRole("heading", { name: "评论规则" })).toBeVisible();
      const form = page.getByTestId("comment-rules-form");
      await expect(form.getByLabel("开放评论")).toBeChecked();
      const mode = (await form.getByLabel(/先审后发/).isChecked()) ? "trusted" : "premoderate";
      await form.getByLabel(mode === "trusted" ? /信任读者直接发布/ : /先审后发/).check();
      const words = form.getByLabel(/屏蔽词/);
      const kept = await words.inputValue();
      await words.fill(`${kept}\n${word}\n${word}x reject\n${word}`);
      await form.getByRole("button", { name: "保存规则" }).click();
      await expect(form).toContainText("评论规则已保存");

      const rows = Object.fromEntries((await commentSettingRows()).map((r) => [r.key, r.value]));
      expect(rows["comments.moderationMode"]).toBe(mode);
      expect(rows["comments.blockedWords"]).toEqual(
        expect.arrayContaining([
          { word, action: "hold" },
          { word: `${word}x`, action: "reject" },
        ]),
      );
      expect(
        (rows["comments.blockedWords"] as { word: string }[]).filter((w) => w.word === word),
      ).toHaveLength(1);

      await page.reload();
      await expect(form.getByLabel(/屏蔽词/)).toHaveValue(new RegExp(`${word}\\n${word}x reject`));
      await expect(form.getByLabel(mode === "trusted" ? /信任读者直接发布/ : /先审后发/)).toBeChecked();
    } finally {
      await restoreCommentSettings(before);
    }
  });
});

test.describe("comment rules, editor", () => {
  test.use({ storageState: authStatePath("EDITOR") });

  test("an editor has no link to the rules and gets the not-found page there", async ({ page }) => {
    await page.goto("/admin/comments");
    await expect(page.getByRole("heading", { name: "评论审核" })).toBeVisible();
    await expect(page.getByRole("link", { name: "评论规则" })).toHaveCount(0);
    expect((await page.goto("/admin/comments/rules"))?.status()).toBe(404);
  });
});
