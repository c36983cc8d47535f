import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { AppError, statusOf, toActionError } from "@/lib/errors";
import { classifyDbError } from "./db-error";

// Shapes as Prisma 7 (adapter-pg) and pg-pool throw them, copied from a real server's errors.
const prismaPg = (code: string, originalCode: string) =>
  Object.assign(new Error("\nInvalid `tx.article.updateMany()` invocation"), {
    name: "PrismaClientKnownRequestError",
    code,
    meta: {
      modelName: "Article",
      driverAdapterError: {
        name: "DriverAdapterError",
        cause: { originalCode, kind: "postgres", code: originalCode },
      },
    },
  });
// failures below SQL: no SQLSTATE, a kind (Raw query failed … Can't reach database server at …)
const prismaKind = (code: string, kind: string) =>
  Object.assign(new Error("\nInvalid `prisma.$queryRaw()` invocation:\n\nRaw query failed. Code: `N/A`."), {
    name: "PrismaClientKnownRequestError",
    code,
    meta: {
      driverAdapterError: { name: "DriverAdapterError", cause: { kind, host: "127.0.0.1", port: 5432 } },
    },
  });
const prisma = (
  code: string,
  message = "Transaction API error: Unable to start a transaction in the given time.",
) => Object.assign(new Error(message), { name: "PrismaClientKnownRequestError", code, meta: {} });

describe("classifyDbError", () => {
  it.each([
    ["lock timeout (55P03)", prismaPg("P2039", "55P03")],
    ["lock timeout in a raw query (P2010)", prismaPg("P2010", "55P03")],
    ["serialization failure (40001)", prismaPg("P2034", "40001")],
    ["deadlock (40P01)", prismaPg("P2034", "40P01")],
    ["a write conflict below SQL", prismaKind("P2010", "TransactionWriteConflict")],
  ])("%s is contention", (_, e) => expect(classifyDbError(e)).toBe("contention"));

  it.each([
    ["statement timeout (57014)", prismaPg("P2010", "57014")],
    ["transaction could not start in time", prisma("P2028")],
    [
      "transaction over its timeout",
      prisma("P2028", "Transaction already closed: A query cannot be executed on an expired transaction."),
    ],
    ["pool acquire timeout", new Error("timeout exceeded when trying to connect")],
    ["connection dropped", new Error("Connection terminated unexpectedly")],
    ["server unreachable", prisma("P1001", "Can't reach database server")],
    ["a raw query against a stopped server", prismaKind("P2010", "DatabaseNotReachable")],
    ["a query on a dropped connection", prismaKind("P2010", "ConnectionClosed")],
    ["too many connections", prismaKind("P2037", "TooManyConnections")],
    ["wrapped in a cause", new Error("outer", { cause: prismaPg("P2039", "57014") })],
  ])("%s is unavailable", (_, e) => expect(classifyDbError(e)).toBe("unavailable"));

  it.each([
    ["a unique violation", prismaPg("P2002", "23505")],
    ["a plain bug", new TypeError("x is undefined")],
    ["an AppError", new AppError("CONFLICT")],
    ["a string", "boom"],
    ["null", null],
  ])("%s is not a database fault", (_, e) => expect(classifyDbError(e)).toBeNull());
});

describe("toActionError / statusOf with database faults", () => {
  it("turns contention into a zh-CN retry CONFLICT (409)", () => {
    const e = prismaPg("P2039", "55P03");
    expect(toActionError(e)).toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("请稍后重试"),
    });
    expect(statusOf(e)).toBe(409);
  });

  it("turns timeouts and an exhausted pool into UNAVAILABLE (503) with a retry hint", () => {
    const e = new Error("timeout exceeded when trying to connect");
    expect(toActionError(e)).toEqual({
      code: "UNAVAILABLE",
      message: "服务器正忙，请稍后重试。",
      fieldErrors: undefined,
      retryAfterSeconds: 5,
    });
    expect(statusOf(e)).toBe(503);
  });

  it("keeps everything else as before", () => {
    expect(toActionError(new Error("secret internals")).code).toBe("INTERNAL");
    expect(toActionError(new Error("secret internals")).message).not.toContain("secret");
    expect(statusOf(new Error("x"))).toBe(500);
    expect(statusOf(new ZodError([]))).toBe(400);
  });
});
