// @ts-check
/**
 * The calendar day a view belongs to, in China Standard Time (UTC+8, no daylight saving):
 * the site's readers and editors think of "today" in Beijing time. Returned as YYYY-MM-DD,
 * ready to cast to a PostgreSQL DATE.
 */
const CST_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * @param {Date | number} [at]
 * @returns {string}
 */
export function viewDay(at = Date.now()) {
  return new Date(new Date(at).getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);
}
