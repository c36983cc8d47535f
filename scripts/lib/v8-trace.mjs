// @ts-check
// Reads what V8 prints with --trace-gc-nvp, --trace-opt and --trace-deopt (npm run
// bench:view-steady): one line a collection, a compile job or a deoptimization.

/** A function's name in a trace line, "(anonymous)" for one without. @param {string} line */
const functionName = (line) => /<JSFunction (?!\(sfi)(\S+)/.exec(line)?.[1] ?? "(anonymous)";

/**
 * Sums the trace lines of `text`: bytes allocated (each collection prints those allocated since
 * the one before), collections (`each`: when, in ms since the process started, and what it
 * found allocated) and their pauses (ms), the optimizing compiler's time on its own
 * thread (ms), and the functions optimized and deoptimized, by name, in order.
 * @param {string} text
 */
export function readV8Trace(text) {
  let allocated = 0;
  let collections = 0;
  /** @type {{ at: number, allocated: number }[]} */
  const each = [];
  let pause = 0;
  let compiling = 0;
  /** @type {string[]} */
  const optimized = [];
  /** @type {string[]} */
  const deoptimized = [];
  for (const line of text.split("\n")) {
    if (/ gc=\w+ /.test(line)) {
      collections++;
      const bytes = Number(/ allocated=(\d+)/.exec(line)?.[1] ?? 0);
      allocated += bytes;
      each.push({ at: Number(/(\d+(?:\.\d+)?) ms: /.exec(line)?.[1] ?? NaN), allocated: bytes });
      pause += Number(/ pause=([\d.]+)/.exec(line)?.[1] ?? 0);
    } else if (line.startsWith("[completed compiling")) {
      // "took <prepare>, <execute>, <finalize> ms": the middle one runs on the compiler's thread
      compiling += Number(/took [\d.]+, ([\d.]+), [\d.]+ ms/.exec(line)?.[1] ?? 0);
    } else if (line.startsWith("[completed optimizing")) {
      optimized.push(functionName(line));
    } else if (line.startsWith("[bailout") && line.includes("): begin.")) {
      deoptimized.push(functionName(line));
    }
  }
  return { allocated, collections, each, pause, compiling, optimized, deoptimized };
}

/**
 * Bytes allocated a page in a stretch of steady traffic of `pages` pages over `ms` milliseconds:
 * what the collections after the first found allocated, over the pages sent between the first and
 * the last at the stretch's rate. Summing every collection of the stretch instead counts the bytes
 * before its first one, which belong to the stretch before, and misses those after its last: up
 * to one collection's worth (about 270 bytes a page of the article at 50,000 pages), more than a
 * view could allocate.
 * @param {{ at: number, allocated: number }[]} each readV8Trace's, in order
 * @param {number} pages @param {number} ms
 * @returns {number} NaN with fewer than two collections whose times were read
 */
export function allocatedPerPage(each, pages, ms) {
  const first = each[0];
  const last = each[each.length - 1];
  if (!first || !last || !(last.at > first.at) || !(ms > 0)) return NaN;
  const bytes = each.slice(1).reduce((sum, c) => sum + c.allocated, 0);
  return bytes / ((last.at - first.at) * (pages / ms));
}
