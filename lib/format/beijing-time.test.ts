import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime } from "./beijing-time";

describe("Beijing time formatting", () => {
  it("prints UTC instants in UTC+8", () => {
    expect(formatDateTime(new Date("2024-12-06T04:00:00Z"))).toBe("2024-12-06 12:00");
    expect(formatDateTime("2024-12-06T16:30:00Z")).toBe("2024-12-07 00:30");
    expect(formatDate(new Date("2024-12-31T17:00:00Z"))).toBe("2025-01-01");
  });
});
