"use server";

import { secureAction, secureFormAction } from "@/lib/security/action";
import { deleteTag } from "@/lib/services/tags/delete-tag";
import { mergeTags } from "@/lib/services/tags/merge-tags";
import {
  deleteTagSchema,
  mergeTagsSchema,
  updateTagEntitySchema,
  updateTagSchema,
} from "@/lib/services/tags/schemas";
import { updateTag } from "@/lib/services/tags/update-tag";
import { updateTagEntity } from "@/lib/services/tags/update-tag-entity";

// Thin: the services check the policy, record redirects, write the audit row and invalidate the tag pages.

export const updateTagAction = secureFormAction(
  { name: "tag.update", input: updateTagSchema, auth: "user", permission: "tag.manage" },
  (input, { actor }) => updateTag(actor, input),
);

/** 类型与别名: a threat entity's kind, description and aliases (issue 16). */
export const updateTagEntityAction = secureFormAction(
  { name: "tag.entity", input: updateTagEntitySchema, auth: "user", permission: "tag.manage" },
  (input, { actor }) => updateTagEntity(actor, input),
);

export const mergeTagsAction = secureAction(
  { name: "tag.merge", input: mergeTagsSchema, auth: "user", permission: "tag.manage" },
  (input, { actor }) => mergeTags(actor, input),
);

export const deleteTagAction = secureAction(
  { name: "tag.delete", input: deleteTagSchema, auth: "user", permission: "tag.manage" },
  (input, { actor }) => deleteTag(actor, input),
);
