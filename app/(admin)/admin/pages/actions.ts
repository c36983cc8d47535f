"use server";

import { secureAction } from "@/lib/security/action";
import { createPage } from "@/lib/services/pages/create-page";
import { restorePageRevision } from "@/lib/services/pages/restore-page-revision";
import { savePage } from "@/lib/services/pages/save-page";
import { createPageSchema, restorePageRevisionSchema, savePageSchema } from "@/lib/services/pages/schemas";

// Thin: the services check page.manage again, write the revision and audit row, and invalidate
// the page's and the footer's cache tags.

export const savePageAction = secureAction(
  { name: "page.update", input: savePageSchema, auth: "user", permission: "page.manage" },
  (input, { actor }) => savePage(actor, input),
);

export const restorePageRevisionAction = secureAction(
  { name: "page.restore", input: restorePageRevisionSchema, auth: "user", permission: "page.manage" },
  (input, { actor }) => restorePageRevision(actor, input),
);

export const createPageAction = secureAction(
  { name: "page.create", input: createPageSchema, auth: "user", permission: "page.manage" },
  (input, { actor }) => createPage(actor, input),
);
