import type { MatrixRow } from "./row";

/** Server actions of the admin console's pages area (issue 14). */
export const pagesRows: MatrixRow[] = [];
