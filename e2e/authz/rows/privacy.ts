import type { MatrixRow } from "./row";

/** Server actions of the admin console's privacy area (issue 14). */
export const privacyRows: MatrixRow[] = [];
