import type { MatrixRow } from "./row";

/** Server actions of the admin console's tags area (issue 14). */
export const tagsRows: MatrixRow[] = [];
