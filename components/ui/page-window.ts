/** A page number to link, or a gap ("…") between two runs of them. */
type PageSlot = number | "gap";

/**
 * The numbers a numbered pager shows: the first and last page, and `radius` pages either side of
 * the current one, with a gap wherever numbers are skipped (1 … 4 5 [6] 7 8 … 20). Out-of-range
 * input is clamped, so a stale `?page=99` still yields a usable window.
 */
export function pageWindow(page: number, pageCount: number, radius = 2): PageSlot[] {
  const last = Math.max(1, Math.floor(pageCount));
  const current = Math.min(Math.max(1, Math.floor(page)), last);
  const slots: PageSlot[] = [];
  for (let p = 1; p <= last; p++) {
    const near = Math.abs(p - current) <= radius;
    if (p === 1 || p === last || near) slots.push(p);
    else if (slots.at(-1) !== "gap") slots.push("gap");
  }
  return slots;
}
