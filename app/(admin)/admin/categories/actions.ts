"use server";

import { secureAction, secureFormAction } from "@/lib/security/action";
import { createCategory, createCategorySchema } from "@/lib/services/categories/create-category";
import { deleteCategory, deleteCategorySchema } from "@/lib/services/categories/delete-category";
import { moveCategory, moveCategorySchema } from "@/lib/services/categories/move-category";
import { updateCategory, updateCategorySchema } from "@/lib/services/categories/update-category";

// Thin: the services check the policy, write the audit row and invalidate the public category tags.

export const createCategoryAction = secureFormAction(
  { name: "category.create", input: createCategorySchema, auth: "user", permission: "category.manage" },
  (input, { actor }) => createCategory(actor, input),
);

export const updateCategoryAction = secureFormAction(
  { name: "category.update", input: updateCategorySchema, auth: "user", permission: "category.manage" },
  (input, { actor }) => updateCategory(actor, input),
);

export const moveCategoryAction = secureAction(
  { name: "category.move", input: moveCategorySchema, auth: "user", permission: "category.manage" },
  (input, { actor }) => moveCategory(actor, input),
);

export const deleteCategoryAction = secureAction(
  { name: "category.delete", input: deleteCategorySchema, auth: "user", permission: "category.manage" },
  (input, { actor }) => deleteCategory(actor, input),
);
