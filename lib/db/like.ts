/**
 * LIKE's own wildcards (%, _) and its escape character taken literally: a % typed into a search box
 * must not match everything. Prisma passes `contains`/`startsWith` to LIKE unescaped; raw SQL uses
 * it with `ESCAPE '\'` (PostgreSQL's default escape character).
 */
export const escapeLike = (s: string) => s.replace(/[\\%_]/g, "\\$&");

/** A LIKE pattern matching `s` anywhere. */
export const containsPattern = (s: string) => `%${escapeLike(s)}%`;
