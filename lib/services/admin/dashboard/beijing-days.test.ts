import { describe, expect, it } from "vitest";
import { lastBeijingDays } from "./beijing-days";

describe("lastBeijingDays", () => {
  it("ends on the Beijing date, which is a day ahead of UTC after 16:00 UTC", () => {
    expect(lastBeijingDays(3, new Date("2026-03-01T15:59:59Z"))).toEqual([
      "2026-02-27",
      "2026-02-28",
      "2026-03-01",
    ]);
    expect(lastBeijingDays(2, new Date("2026-03-01T16:00:00Z"))).toEqual(["2026-03-01", "2026-03-02"]);
  });

  it("gives n consecutive days across a month and a leap day", () => {
    const days = lastBeijingDays(30, new Date("2028-03-10T04:00:00Z"));
    expect(days).toHaveLength(30);
    expect(days[0]).toBe("2028-02-10");
    expect(days).toContain("2028-02-29");
    expect(days.at(-1)).toBe("2028-03-10");
  });
});
