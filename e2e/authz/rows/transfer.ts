import type { MatrixRow } from "./row";

/** Server actions of the admin console's transfer area (issue 14). */
export const transferRows: MatrixRow[] = [];
