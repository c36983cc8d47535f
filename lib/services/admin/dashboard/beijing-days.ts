import { viewDay } from "@/lib/services/views/view-day.mjs";

const DAY_MS = 86_400_000;

/**
 * The last `n` Beijing calendar days up to and including the one `now` falls in, oldest first,
 * as YYYY-MM-DD: the x axis of the views chart and the bounds of the 7- and 30-day windows.
 * ArticleViewDay.day holds Beijing dates (lib/services/views/view-day.mjs), so the windows must
 * be counted in the same calendar, not in the database server's time zone.
 */
export function lastBeijingDays(n: number, now: Date): string[] {
  const today = Date.parse(`${viewDay(now)}T00:00:00Z`);
  return Array.from({ length: n }, (_, i) =>
    new Date(today - (n - 1 - i) * DAY_MS).toISOString().slice(0, 10),
  );
}
