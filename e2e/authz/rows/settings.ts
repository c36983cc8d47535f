import type { MatrixRow } from "./row";

/** Server actions of the admin console's settings area (issue 14). */
export const settingsRows: MatrixRow[] = [];
