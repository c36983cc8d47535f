import type { MatrixRow } from "./row";

/** Server actions of the admin console's dashboard area (issue 14). */
export const dashboardRows: MatrixRow[] = [];
