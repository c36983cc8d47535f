import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { jsonError } from "./api-response";

describe("jsonError", () => {
  it("maps an AppError to its status and message, uncached", async () => {
    const r = jsonError(new AppError("UNAUTHENTICATED"));
    expect(r.status).toBe(401);
    expect(r.headers.get("cache-control")).toContain("no-store");
    expect((await r.json()).error.code).toBe("UNAUTHENTICATED");
  });
});
