"use server";

import { secureAction } from "@/lib/security/action";
import {
  acknowledgeSourceUpdate,
  acknowledgeSourceUpdateSchema,
} from "@/lib/services/translation/source-updates/acknowledge-source-update";

/** 我已处理: the service decides whether this actor may (the article's editors). */
export const acknowledgeSourceUpdateAction = secureAction(
  {
    name: "translation.acknowledgeSourceUpdate",
    input: acknowledgeSourceUpdateSchema,
    auth: "user",
    permission: "article.editOwn",
  },
  (input, { actor }) => acknowledgeSourceUpdate(actor, input),
);
