import { expect, test } from "@playwright/test";
import { startWebhookReceiver, type WebhookReceiver } from "../../lib/test/webhook-receiver";
import { authStatePath } from "../auth-state";
import { withDb } from "../db";

/**
 * 集成 › Webhooks (issue 17), as an admin: a webhook to a receiver this spec starts on 127.0.0.1
 * (the e2e server runs with BYLINE_TEST_ALLOW_LOOPBACK_WEBHOOKS=1), its secret shown once, a test
 * ping through the job runner, and the delivery log showing it 成功 with the receiver's 200.
 */

let receiver: WebhookReceiver;
const name = `e2e 接收端 ${Date.now().toString(36)}`;

test.beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
test.afterAll(async () => {
  await receiver.close();
  await withDb((c) => c.query(`DELETE FROM webhooks WHERE name = $1`, [name]));
});

test.use({ storageState: authStatePath("ADMIN") });

test("an admin creates a webhook, sees the secret once, sends a test ping and sees it delivered", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto("/admin");
  await page.getByRole("navigation", { name: "管理功能" }).getByRole("link", { name: "集成" }).click();
  await expect(page).toHaveURL(/\/admin\/integrations\/webhooks$/);
  await expect(
    page.getByRole("navigation", { name: "集成" }).getByRole("link", { name: "API 令牌" }),
  ).toBeVisible();

  const form = page.getByRole("form", { name: "新建 Webhook" });
  await form.getByLabel("名称").fill(name);
  await form.getByLabel("接收地址").fill(receiver.url);
  await form.getByRole("button", { name: "创建 Webhook" }).click();
  const secretBox = page.getByTestId("webhook-secret");
  await expect(secretBox).toHaveText(/^whsec_[A-Za-z0-9_-]{43}$/);
  const secret = (await secretBox.textContent())!;
  receiver.setSecret(secret);

  // shown once: a fresh page lists the webhook but never its secret
  await page.reload();
  await expect(page.getByRole("link", { name })).toBeVisible();
  await expect(page.getByTestId("webhook-secret")).toHaveCount(0);
  expect(await page.content()).not.toContain(secret);

  await page.getByRole("link", { name }).click();
  await expect(page.getByText("还没有投递记录")).toBeVisible();
  await page.getByRole("button", { name: "发送测试" }).click();
  await expect(page.getByText("已加入发送队列。")).toBeVisible();

  // the job runner polls every couple of seconds: reload until the log shows the delivery done
  const row = page.getByTestId("delivery-row").first();
  await expect(async () => {
    await page.reload();
    await expect(row).toContainText("成功", { timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  await expect(row).toContainText("ping");
  await expect(row.getByTestId("delivery-code")).toHaveText("200");
  expect(receiver.received).toHaveLength(1);
  expect(receiver.received[0]!.verified).toBe(true);
  expect(JSON.parse(receiver.received[0]!.body)).toMatchObject({
    event: "ping",
    data: { webhook: { name } },
  });
});
