import type { MatrixRow } from "./row";

/**
 * Server actions of the admin console's dashboard area (issue 14): none. 站点概览 only reads
 * (getDashboard asserts dashboard.view); its refusals are covered by e2e/admin/dashboard.spec.ts
 * (editor redirected, reader 404) and lib/services/admin/dashboard/get-dashboard.int.test.ts.
 */
export const dashboardRows: MatrixRow[] = [];
