// Dates on the reading site are shown in Beijing time whatever the server's zone, so a
// prerendered page and a request-time render print the same text.
const dateTime = new Intl.DateTimeFormat("zh-CN", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

function parts(d: Date) {
  const p = Object.fromEntries(dateTime.formatToParts(d).map((x) => [x.type, x.value]));
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
