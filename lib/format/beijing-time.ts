// Dates on the reading site are shown in Beijing time whatever the server's zone, so a
// prerendered page and a request-time render print the same text.
//
// Since 1992 Beijing time is UTC+8 all year (China's summer time ended in September 1991), so a
// date from then on is plain arithmetic. Only earlier dates (and the last 8 hours a Date can hold)
// ask Intl, whose formatter is made on first use: made at load, it cost a reader's browser 8.6 ms
// of the article page's start at Lighthouse's 4× CPU slowdown (ICU's zone data), and each render
// that formats a date runs during hydration.
const HOUR = 3_600_000;
/** 1992-01-01 00:00 in Beijing. */
const PLAIN_FROM = Date.UTC(1991, 11, 31, 16);
/** The last instant whose Beijing time a Date can hold (8.64e15 ms is the largest Date). */
const PLAIN_TO = 8.64e15 - 8 * HOUR;

let historic: Intl.DateTimeFormat | undefined;

const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

function parts(d: Date) {
  const t = d.getTime();
  // NaN too goes to Intl, which throws on an invalid date as it always has
  if (t >= PLAIN_FROM && t <= PLAIN_TO) {
    const b = new Date(t + 8 * HOUR);
    return {
      y: String(b.getUTCFullYear()),
      m: pad(b.getUTCMonth() + 1),
      d: pad(b.getUTCDate()),
      h: pad(b.getUTCHours()),
      min: pad(b.getUTCMinutes()),
    };
  }
  historic ??= new Intl.DateTimeFormat("zh-CN", {
    timeZone: "Asia/Shanghai",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  });
  const p = Object.fromEntries(historic.formatToParts(d).map((x) => [x.type, x.value]));
  return { y: p.year, m: p.month, d: p.day, h: p.hour, min: p.minute };
}

/** 2024-12-06 12:00 */
export function formatDateTime(d: Date | string): string {
  const p = parts(new Date(d));
  return `${p.y}-${p.m}-${p.d} ${p.h}:${p.min}`;
}

/** 2024-12-06 */
export function formatDate(d: Date | string): string {
  const p = parts(new Date(d));
  return `${p.y}-${p.m}-${p.d}`;
}
