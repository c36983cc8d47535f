"use server";

import { secureAction, secureFormAction } from "@/lib/security/action";
import { createWebhook } from "@/lib/services/webhooks/create-webhook";
import { deleteWebhook } from "@/lib/services/webhooks/delete-webhook";
import { replayDelivery } from "@/lib/services/webhooks/replay-delivery";
import {
  createWebhookSchema,
  deliveryRefSchema,
  updateWebhookSchema,
  webhookRefSchema,
} from "@/lib/services/webhooks/schemas";
import { sendTestPing } from "@/lib/services/webhooks/send-test-ping";
import { updateWebhook } from "@/lib/services/webhooks/update-webhook";

// Thin: the services check the policy and the network guard, seal the secret and write the audit rows.

export const createWebhookAction = secureFormAction(
  { name: "webhook.create", input: createWebhookSchema, auth: "user", permission: "integration.manage" },
  (input, { actor }) => createWebhook(actor, input),
);

export const updateWebhookAction = secureFormAction(
  { name: "webhook.update", input: updateWebhookSchema, auth: "user", permission: "integration.manage" },
  async (input, { actor }) => {
    await updateWebhook(actor, input);
  },
);

export const deleteWebhookAction = secureAction(
  { name: "webhook.delete", input: webhookRefSchema, auth: "user", permission: "integration.manage" },
  (input, { actor }) => deleteWebhook(actor, input),
);

export const sendTestPingAction = secureAction(
  { name: "webhook.ping", input: webhookRefSchema, auth: "user", permission: "integration.manage" },
  (input, { actor }) => sendTestPing(actor, input),
);

export const replayDeliveryAction = secureAction(
  { name: "webhook.replay", input: deliveryRefSchema, auth: "user", permission: "integration.manage" },
  (input, { actor }) => replayDelivery(actor, input),
);
