import type { MatrixRow } from "./row";

/**
 * Server actions of the admin console's privacy area (issue 14): the 导航菜单 editor (admins
 * only). The data and audit-log exports are GET route handlers, covered by their own specs.
 */
export const privacyRows: MatrixRow[] = [
  {
    file: "app/(admin)/admin/navigation/actions.ts",
    name: "updateNavigationAction",
    kind: "json",
    roles: "----Y",
  },
  {
    file: "app/(admin)/admin/navigation/actions.ts",
    name: "resetNavigationAction",
    kind: "json",
    roles: "----Y",
  },
];
