"use server";

import { secureAction, secureFormAction } from "@/lib/security/action";
import { createTerm, createTermSchema } from "@/lib/services/glossary/create-term";
import { deleteTerm, deleteTermSchema } from "@/lib/services/glossary/delete-term";
import { updateTerm, updateTermSchema } from "@/lib/services/glossary/update-term";

// Thin: the services check glossary.manage, write the audit row, and keep the term unique.
// Nothing to invalidate: the matcher's copy is keyed by the table's version (getGlossaryEntries).

export const createTermAction = secureFormAction(
  { name: "glossary.create", input: createTermSchema, auth: "user", permission: "glossary.manage" },
  (input, { actor }) => createTerm(actor, input),
);

export const updateTermAction = secureFormAction(
  { name: "glossary.update", input: updateTermSchema, auth: "user", permission: "glossary.manage" },
  (input, { actor }) => updateTerm(actor, input),
);

export const deleteTermAction = secureAction(
  { name: "glossary.delete", input: deleteTermSchema, auth: "user", permission: "glossary.manage" },
  (input, { actor }) => deleteTerm(actor, input),
);
