/** Next.js page searchParams, as a promise (request-time data: read it inside <Suspense>). */
export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The first value of a query parameter, or undefined. */
export const firstParam = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
