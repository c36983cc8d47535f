import type { MatrixRow } from "./row";

/** Server actions of 集成 (issue 17): Admin API tokens and webhooks are for admins (integration.manage). */
const tokens = "app/(admin)/admin/integrations/tokens/actions.ts";
const webhooks = "app/(admin)/admin/integrations/webhooks/actions.ts";

export const integrationsRows: MatrixRow[] = [
  { file: tokens, name: "createTokenAction", kind: "form", roles: "----Y" },
  { file: tokens, name: "revokeTokenAction", kind: "json", roles: "----Y" },
  { file: webhooks, name: "createWebhookAction", kind: "form", roles: "----Y" },
  { file: webhooks, name: "updateWebhookAction", kind: "form", roles: "----Y" },
  { file: webhooks, name: "deleteWebhookAction", kind: "json", roles: "----Y" },
  { file: webhooks, name: "sendTestPingAction", kind: "json", roles: "----Y" },
  { file: webhooks, name: "replayDeliveryAction", kind: "json", roles: "----Y" },
];
