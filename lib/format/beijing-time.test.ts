import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime } from "./beijing-time";

/** The reference: Intl in the Asia/Shanghai zone, as the formatter used for every date before. */
const reference = new Intl.DateTimeFormat("zh-CN", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});
function expected(t: number) {
  const p = Object.fromEntries(reference.formatToParts(new Date(t)).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

describe("Beijing time formatting", () => {
  it("prints UTC instants in UTC+8", () => {
    expect(formatDateTime(new Date("2024-12-06T04:00:00Z"))).toBe("2024-12-06 12:00");
    expect(formatDateTime("2024-12-06T16:30:00Z")).toBe("2024-12-07 00:30");
    expect(formatDate(new Date("2024-12-31T17:00:00Z"))).toBe("2025-01-01");
  });

  it("agrees with Intl's Asia/Shanghai on instants from 1992 to 2100", () => {
    const from = Date.UTC(1991, 11, 31, 16);
    const to = Date.UTC(2100, 0, 1);
    // a deterministic spread (a linear congruential walk), plus the edges of days and years
    let x = 12345;
    const instants = [
      from,
      from + 59_999,
      Date.UTC(2000, 1, 29, 15, 59, 59, 999),
      Date.UTC(2024, 11, 31, 16),
    ];
    for (let i = 0; i < 5_000; i++) {
      x = (x * 1103515245 + 12345) % 2 ** 31;
      instants.push(from + Math.floor((x / 2 ** 31) * (to - from)));
    }
    for (const t of instants)
      expect(formatDateTime(new Date(t)), new Date(t).toISOString()).toBe(expected(t));
    expect(formatDate(new Date(from))).toBe("1992-01-01");
  });

  it("asks Intl for earlier dates, when China kept summer time (UTC+9)", () => {
    expect(formatDateTime("1988-07-01T00:00:00Z")).toBe("1988-07-01 09:00");
    expect(formatDateTime("1991-12-31T15:59:00Z")).toBe("1991-12-31 23:59");
    expect(formatDateTime("1970-01-01T00:00:00Z")).toBe(expected(0));
  });

  it("asks Intl for the last 8 hours a Date can hold, whose Beijing time no Date can", () => {
    expect(formatDateTime(new Date(8.64e15))).toBe(expected(8.64e15));
    expect(formatDateTime(new Date(8.64e15 - 8 * 3_600_000))).toBe(expected(8.64e15 - 8 * 3_600_000));
  });

  it("throws on an invalid date, as Intl does", () => {
    expect(() => formatDateTime("not a date")).toThrow(RangeError);
  });
});
