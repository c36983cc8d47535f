import "server-only";
import { randomBytes } from "node:crypto";
import { openSecret, sealSecret } from "@/lib/auth/crypto/secret-box";
import { env } from "@/lib/env";

/**
 * A webhook's signing secret: made here, shown to the admin once, stored sealed (AES-GCM under
 * AUTH_SECRET, bound to the webhook's id) because we must read it back to sign every delivery.
 */

function authSecret(): string {
  const secret = env().AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is required to store webhook secrets");
  return secret;
}

export const newWebhookSecret = () => `whsec_${randomBytes(32).toString("base64url")}`;
export const newWebhookId = () => `wh_${randomBytes(12).toString("base64url")}`;

export const sealWebhookSecret = (webhookId: string, secret: string) =>
  sealSecret(secret, `webhook:${webhookId}`, authSecret());

/** The secret, or null when the box does not open (AUTH_SECRET rotated, row tampered with). */
export const openWebhookSecret = (webhookId: string, sealed: string) =>
  openSecret(sealed, `webhook:${webhookId}`, authSecret());
