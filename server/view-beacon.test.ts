import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { PUBLIC_ID_PATTERN, publicIdSchema } from "@/lib/public-id";
import { allowedOrigins as appOrigins, ORIGIN_REFUSED_MESSAGE } from "@/lib/security/origin";
import { allowedOrigins, MESSAGES, PUBLIC_ID } from "./view-beacon.mjs";

// view-beacon.mjs answers beacons without Next.js, so it replicates a few of the app's rules:
// they must stay the app's (the Next.js route answers signed-in readers with the originals).
describe("the server's view beacon keeps the app's rules", () => {
  it("the public id pattern", () => {
    expect(PUBLIC_ID.source).toBe(PUBLIC_ID_PATTERN.source);
  });

  it("the messages", () => {
    expect(MESSAGES.FORBIDDEN).toBe(ORIGIN_REFUSED_MESSAGE);
    expect(MESSAGES.NOT_FOUND).toBe(new AppError("NOT_FOUND").message);
    expect(MESSAGES.UNAVAILABLE).toBe(new AppError("UNAVAILABLE").message);
    expect(MESSAGES.INVALID).toBe(publicIdSchema.safeParse("a/b").error?.issues[0]?.message);
  });

  it.each([
    ["https://byline.example", true],
    ["http://localhost:3000", false],
    ["http://127.0.0.1:39170", false],
    ["http://localhost:3000", true],
    ["https://example.org:8443", false],
  ])("the allowed origins for %s (production %s)", (site, production) => {
    expect([...allowedOrigins(site, production)].sort()).toEqual([...appOrigins(site, production)].sort());
  });
});
