import { z } from "zod";

/**
 * Every action and route handler input is a strict object: a field the schema does not name
 * (role, status, authorId, viewCount…) is an error, not silently dropped, so mass assignment
 * fails loudly. Checked when the action is defined, so a lax schema cannot ship.
 */
export function assertStrictInput(name: string, schema: z.ZodType): void {
  const def = (
    schema as unknown as { _zod: { def: { type: string; catchall?: { _zod: { def: { type: string } } } } } }
  )._zod.def;
  if (def.type !== "object") return; // a scalar input (an id) has no fields to smuggle
  if (def.catchall?._zod.def.type !== "never") {
    throw new Error(`${name}: input schema must be z.strictObject (unknown fields refused)`);
  }
}

/** FormData → plain object for a schema: repeated names become arrays; Next.js' internal `$ACTION_*` fields are dropped. */
export function formToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const all = form.getAll(key);
    out[key] = all.length > 1 ? all : all[0];
  }
  return out;
}
