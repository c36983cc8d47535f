import { ZodError } from "zod";
import { reportDatabaseUnavailable } from "@/lib/db/availability";
import { classifyDbError } from "@/lib/db/db-error";

export type ErrorCode =
  "NOT_FOUND" | "FORBIDDEN" | "UNAUTHENTICATED" | "CONFLICT" | "INVALID" | "RATE_LIMITED" | "UNAVAILABLE";

const defaults: Record<ErrorCode, { status: number; message: string }> = {
  NOT_FOUND: { status: 404, message: "没有找到该内容，它可能已被删除或尚未发布。" },
  FORBIDDEN: { status: 403, message: "你没有执行此操作的权限。" },
  UNAUTHENTICATED: { status: 401, message: "请先登录后再继续。" },
  CONFLICT: { status: 409, message: "内容已被他人修改，请刷新后重试。" },
  INVALID: { status: 400, message: "提交的内容有误，请检查后重试。" },
  RATE_LIMITED: { status: 429, message: "操作过于频繁，请稍后再试。" },
  UNAVAILABLE: { status: 503, message: "服务器正忙，请稍后重试。" },
};

/** Another session held what this request needed (a row lock, a serialization conflict): nothing was written. */
const BUSY_CONFLICT_MESSAGE = "相关内容正被其他操作占用，这次没有保存成功，请稍后重试。";
/** Seconds a client should wait before retrying a 503 (Retry-After). */
export const UNAVAILABLE_RETRY_SECONDS = 5;

export type FieldErrors = Record<string, string[]>;

/** An expected failure. Services throw it; actions and route handlers turn it into a value. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fieldErrors?: FieldErrors;
  readonly retryAfterSeconds?: number;

  constructor(
    code: ErrorCode,
    message?: string,
    extra: { fieldErrors?: FieldErrors; retryAfterSeconds?: number } = {},
  ) {
    super(message ?? defaults[code].message);
    this.name = "AppError";
    this.code = code;
    this.fieldErrors = extra.fieldErrors;
    this.retryAfterSeconds = extra.retryAfterSeconds;
  }

  get status() {
    return defaults[this.code].status;
  }
}

export type ActionError = {
  code: ErrorCode | "INTERNAL";
  message: string;
  fieldErrors?: FieldErrors;
  retryAfterSeconds?: number;
};
export type ActionResult<T = undefined> = { ok: true; data: T } | { ok: false; error: ActionError };

function fieldErrorsOf(e: ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of e.issues) {
    const key = issue.path.join(".") || "_";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/**
 * The AppError a thrown value stands for, or null for a bug. Lock and statement timeouts, write
 * conflicts and an exhausted pool are expected under load (lib/db/limits.ts): the request did
 * nothing and may simply be repeated, so they become a CONFLICT or a 503, never an internal error.
 */
export function asAppError(e: unknown): AppError | null {
  if (e instanceof AppError) return e;
  switch (classifyDbError(e)) {
    case "contention":
      return new AppError("CONFLICT", BUSY_CONFLICT_MESSAGE, { retryAfterSeconds: 1 });
    case "unavailable":
      // the server's database gate checks whether PostgreSQL is gone (lib/db/availability.ts)
      reportDatabaseUnavailable();
      return new AppError("UNAVAILABLE", undefined, { retryAfterSeconds: UNAVAILABLE_RETRY_SECONDS });
    default:
      return null;
  }
}

/** Maps any thrown value to a form-friendly error. Unknown errors never echo internals. */
export function toActionError(e: unknown): ActionError {
  const app = asAppError(e);
  if (app) {
    const error: ActionError = { code: app.code, message: app.message, fieldErrors: app.fieldErrors };
    if (app.retryAfterSeconds !== undefined) error.retryAfterSeconds = app.retryAfterSeconds;
    return error;
  }
  if (e instanceof ZodError)
    return { code: "INVALID", message: defaults.INVALID.message, fieldErrors: fieldErrorsOf(e) };
  return { code: "INTERNAL", message: "服务器开小差了，请稍后重试。如果问题持续，请联系管理员。" };
}

export function statusOf(e: unknown): number {
  const app = asAppError(e);
  if (app) return app.status;
  if (e instanceof ZodError) return 400;
  return 500;
}
