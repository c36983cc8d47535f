import { expect } from "vitest";
import { ZodError } from "zod";
import { AppError, statusOf, toActionError } from "@/lib/errors";

/**
 * For the fuzz suites: a service call's outcome is either a value or an expected failure that a
 * user can read. Anything else (a Prisma error, a TypeError) is returned as a failure to the
 * property, with the input that caused it.
 */
const CJK = /[\u4e00-\u9fff]/;

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: AppError | ZodError };

export async function outcomeOf<T>(call: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await call() };
  } catch (e) {
    if (!(e instanceof AppError) && !(e instanceof ZodError)) throw e;
    return { ok: false, error: e };
  }
}

/** The expected failure of a call that must be refused; a success or an unexpected error fails the test. */
export async function refusalOf(call: () => Promise<unknown>): Promise<AppError | ZodError> {
  const r = await outcomeOf(call);
  if (r.ok) throw new Error(`expected a refusal, got ${JSON.stringify(r.value)}`);
  return r.error;
}

/** The refusal as forms and the API show it: a 4xx with a zh-CN message (and zh-CN field messages for `fields`). */
export function expectReadableRefusal(error: AppError | ZodError, fields: string[]) {
  expect(statusOf(error)).toBeGreaterThanOrEqual(400);
  expect(statusOf(error)).toBeLessThan(500);
  const shown = toActionError(error);
  expect(shown.message).toMatch(CJK);
  for (const f of fields) for (const m of shown.fieldErrors?.[f] ?? []) expect(m, `${f}: ${m}`).toMatch(CJK);
}
