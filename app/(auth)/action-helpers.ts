import "server-only";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { AppError, toActionError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import type { AuthFormState } from "./form-state";

/**
 * A form field as the wrapper sees it: an optional string with a generous cap. The strict
 * object refuses unknown fields; the service's own schema gives the precise field errors, so
 * the form can echo what was typed alongside them.
 */
export const formField = (max: number) => z.string().max(max).optional();

/** The form state for a failed submit; unexpected errors are logged and never echoed. */
export function failedState(e: unknown, values: AuthFormState["values"], name: string): AuthFormState {
  unstable_rethrow(e);
  if (!(e instanceof AppError || e instanceof z.ZodError))
    logger.error({ err: e, action: name }, "auth action failed unexpectedly");
  return { error: toActionError(e), values };
}
