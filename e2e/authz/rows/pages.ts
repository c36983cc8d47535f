import type { MatrixRow } from "./row";

/** Server actions of the admin console's pages area (issue 14): 页面管理 is for admins (page.manage). */
export const pagesRows: MatrixRow[] = [
  { file: "app/(admin)/admin/pages/actions.ts", name: "savePageAction", kind: "json", roles: "----Y" },
  {
    file: "app/(admin)/admin/pages/actions.ts",
    name: "restorePageRevisionAction",
    kind: "json",
    roles: "----Y",
  },
  { file: "app/(admin)/admin/pages/actions.ts", name: "createPageAction", kind: "json", roles: "----Y" },
];
