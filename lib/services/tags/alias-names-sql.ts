import { Prisma } from "@/lib/generated/prisma/client";

/** A tag's aliases as written, in key order, as a text[] column: for a query whose tags row is `t`. */
export const aliasNamesOfT = Prisma.sql`COALESCE((SELECT array_agg(x.name ORDER BY x.key) FROM tag_aliases x WHERE x."tagId" = t.id), '{}')`;
