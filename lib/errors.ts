import { ZodError } from "zod";

export type ErrorCode = "NOT_FOUND" | "FORBIDDEN" | "UNAUTHENTICATED" | "CONFLICT" | "INVALID" | "RATE_LIMITED";

const defaults: Record<ErrorCode, { status: number; message: string }> = {
  NOT_FOUND: { status: 404, message: "没有找到该内容，它可能已被删除或尚未发布。" },
  FORBIDDEN: { status: 403, message: "你没有执行此操作的权限。" },
  UNAUTHENTICATED: { status: 401, message: "请先登录后再继续。" },
  CONFLICT: { status: 409, message: "内容已被他人修改，请刷新后重试。" },
  INVALID: { status: 400, message: "提交的内容有误，请检查后重试。" },
  RATE_LIMITED: { status: 429, message: "操作过于频繁，请稍后再试。" },
};

export type FieldErrors = Record<string, string[]>;

/** An expected failure. Services throw it; actions and route handlers turn it into a value. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fieldErrors?: FieldErrors;
  readonly retryAfterSeconds?: number;

  constructor(code: ErrorCode, message?: string, extra: { fieldErrors?: FieldErrors; retryAfterSeconds?: number } = {}) {
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

export type ActionError = { code: ErrorCode | "INTERNAL"; message: string; fieldErrors?: FieldErrors };
export type ActionResult<T = undefined> = { ok: true; data: T } | { ok: false; error: ActionError };

function fieldErrorsOf(e: ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of e.issues) {
    const key = issue.path.join(".") || "_";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** Maps any thrown value to a form-friendly error. Unknown errors never echo internals. */
export function toActionError(e: unknown): ActionError {
  if (e instanceof AppError) return { code: e.code, message: e.message, fieldErrors: e.fieldErrors };
  if (e instanceof ZodError) return { code: "INVALID", message: defaults.INVALID.message, fieldErrors: fieldErrorsOf(e) };
  return { code: "INTERNAL", message: "服务器开小差了，请稍后重试。如果问题持续，请联系管理员。" };
}

export function statusOf(e: unknown): number {
  if (e instanceof AppError) return e.status;
  if (e instanceof ZodError) return 400;
  return 500;
}
