import type { MatrixRow } from "./row";

/** Server actions of the admin console's tags area (issue 14): tag.manage, editors and admins. */
export const tagsRows: MatrixRow[] = [
  { file: "app/(admin)/admin/tags/actions.ts", name: "updateTagAction", kind: "form", roles: "---YY" },
  { file: "app/(admin)/admin/tags/actions.ts", name: "updateTagEntityAction", kind: "form", roles: "---YY" },
  { file: "app/(admin)/admin/tags/actions.ts", name: "mergeTagsAction", kind: "json", roles: "---YY" },
  { file: "app/(admin)/admin/tags/actions.ts", name: "deleteTagAction", kind: "json", roles: "---YY" },
];
