import { describe, expect, it } from "vitest";
import { allocatedPerPage, readV8Trace } from "./v8-trace.mjs";

// Lines as Node 20's V8 prints them (cut where marked: the rest of a line is more fields)
const scavenge =
  "[13640:0x32a24c80]       71 ms: pause=3.0 mutator=64.0 gc=s reduce_memory=0 time_to_safepoint=0.00 scavenge=1.62 allocated=4074320 promoted=0 nodes_promoted=0";
const markCompact =
  "[13640:0x32a24c80]      367 ms: pause=3.2 mutator=7.3 gc=mc reduce_memory=0 allocated=12640 promoted=0";
const compiled =
  "[completed compiling 0x0ae977ae2779 <JSFunction normalizeString (sfi = 0x1f5a2fca6151)> (target TURBOFAN) - took 0.066, 8.783, 0.047 ms]";
const optimized =
  "[completed optimizing 0x0ae977ae2779 <JSFunction normalizeString (sfi = 0x1f5a2fca6151)> (target TURBOFAN)]";
const anonymous =
  "[completed optimizing 0x35b199f45f79 <JSFunction (sfi = 0x24905f847971)> (target TURBOFAN)]";
const deopt =
  "[bailout (kind: deopt-eager, reason: wrong map): begin. deoptimizing 0x3b568e457db1 <JSFunction ReadableState (sfi = 0x32f976ca7be1)>, 0x2f7c69cbbc11 <Code TURBOFAN>, opt id 158, bytecode offset 75]";
// on-stack replacement: a loop's function optimized while it runs
const osr =
  "[completed optimizing 0x2a6c6e0c1f31 <JSFunction run (sfi = 0x1c6b1e45a4e9)> (target TURBOFAN) OSR]";
const deoptEnd = "[bailout end. took 0.034 ms]";

describe("readV8Trace", () => {
  it("sums collections, their allocations and pauses, and the compiler's thread time", () => {
    const t = readV8Trace([scavenge, markCompact, compiled, compiled, "Byline listening"].join("\n"));
    expect(t.collections).toBe(2);
    expect(t.allocated).toBe(4074320 + 12640);
    expect(t.pause).toBeCloseTo(6.2);
    expect(t.compiling).toBeCloseTo(2 * 8.783);
    // a compile job is not a function optimized: that is its own line
    expect(t.optimized).toEqual([]);
  });

  it("names the functions optimized and deoptimized, in order, an anonymous one as such", () => {
    const t = readV8Trace([optimized, anonymous, deopt, deoptEnd, osr].join("\n"));
    expect(t.optimized).toEqual(["normalizeString", "(anonymous)", "run"]);
    expect(t.deoptimized).toEqual(["ReadableState"]);
  });

  it("reads nothing from lines that are not V8's traces", () => {
    expect(
      readV8Trace("Byline listening\n[marking 0x1 <JSFunction f (sfi = 0x2)> for optimization]\n"),
    ).toEqual({
      allocated: 0,
      collections: 0,
      each: [],
      pause: 0,
      compiling: 0,
      optimized: [],
      deoptimized: [],
    });
  });
});

describe("allocatedPerPage", () => {
  it("takes what the collections after the first found, over the pages sent between the first and the last", () => {
    const each = [
      { at: 1000, allocated: 9_999_999 }, // before the stretch's first collection: not the stretch's
      { at: 1500, allocated: 4_000_000 },
      { at: 2000, allocated: 4_000_000 },
    ];
    // 10,000 pages in 5 s, 2 a ms: 2,000 pages between 1000 and 2000 ms, 8 MB allocated
    expect(allocatedPerPage(each, 10_000, 5000)).toBe(4000);
  });

  it("is NaN with fewer than two collections", () => {
    expect(allocatedPerPage([], 10, 5)).toBeNaN();
    expect(allocatedPerPage([{ at: 5, allocated: 10 }], 10, 5)).toBeNaN();
    // a collection whose time was not read
    expect(
      allocatedPerPage(
        [
          { at: NaN, allocated: 10 },
          { at: 9, allocated: 10 },
        ],
        10,
        5,
      ),
    ).toBeNaN();
  });

  it("reads a collection's time from its line", () => {
    const t = readV8Trace(`${scavenge}\n${markCompact}`);
    expect(t.each).toEqual([
      { at: 71, allocated: 4074320 },
      { at: 367, allocated: 12640 },
    ]);
  });
});
