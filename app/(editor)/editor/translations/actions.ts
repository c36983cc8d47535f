"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { secureAction, secureFormAction } from "@/lib/security/action";
import { assignTranslationTask, claimTranslationTask } from "@/lib/services/translation/tasks/assign-task";
import { createTranslationTask } from "@/lib/services/translation/tasks/create-task";
import { assignTaskSchema, claimTaskSchema } from "@/lib/services/translation/tasks/schemas";

/* Thin actions: lib/security/action.ts checks origin, session, coarse permission and the input's
 * shape; the services validate again and decide on the object. */

const text = z.string().max(4096).optional().default("");

/** The 新建翻译任务 form's fields, exactly. */
const newTaskFormSchema = z.strictObject({
  sourceUrl: text,
  categoryId: text,
  translatorId: text,
  dueAt: text,
});

/** 新建翻译任务: on success, back to 全部任务 with the new task on it. */
export const createTranslationTaskAction = secureFormAction(
  { name: "translation.create", input: newTaskFormSchema, auth: "user", permission: "translation.assign" },
  async (form, { actor }) => {
    const f = newTaskFormSchema.parse(form);
    // dueAt arrives as an ISO instant: the form converts the editor's local time before sending
    await createTranslationTask(actor, { ...f, dueAt: f.dueAt || null });
    redirect("/editor/translations?scope=all&created=1");
  },
);

export const assignTranslationTaskAction = secureAction(
  { name: "translation.assign", input: assignTaskSchema, auth: "user", permission: "translation.assign" },
  (input, { actor }) => assignTranslationTask(actor, input),
);

export const claimTranslationTaskAction = secureAction(
  { name: "translation.claim", input: claimTaskSchema, auth: "user", permission: "translation.claim" },
  (input, { actor }) => claimTranslationTask(actor, input),
);
