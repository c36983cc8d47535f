"use server";

import { secureAction, secureFormAction } from "@/lib/security/action";
import { createApiToken, createTokenSchema } from "@/lib/services/api-tokens/create-token";
import { revokeApiToken, revokeTokenSchema } from "@/lib/services/api-tokens/revoke-token";

// Thin: the services check the policy, make the integration user, hash the secret and audit.

export const createTokenAction = secureFormAction(
  { name: "token.create", input: createTokenSchema, auth: "user", permission: "integration.manage" },
  (input, { actor }) => createApiToken(actor, input),
);

export const revokeTokenAction = secureAction(
  { name: "token.revoke", input: revokeTokenSchema, auth: "user", permission: "integration.manage" },
  (input, { actor }) => revokeApiToken(actor, input),
);
