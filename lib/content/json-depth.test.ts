import { describe, expect, it } from "vitest";
import { MAX_JSON_DEPTH } from "./limits";
import { jsonDepthExceeds, jsonDepthMeter, MAX_ACTION_JSON_DEPTH } from "./json-depth.mjs";

const nested = (levels: number) => {
  let s = '{"type":"paragraph"}';
  for (let i = 1; i < levels; i++) s = `{"type":"blockquote","content":[${s}]}`;
  return s;
};
const depthOf = (s: string) => {
  for (let d = 1; ; d++) if (!jsonDepthExceeds(s, d)) return d;
};

describe("jsonDepthMeter", () => {
  it("counts nesting of objects and arrays, not brackets inside strings", () => {
    expect(depthOf('[{"a":[1,2,{"b":[]}]}]')).toBe(5);
    expect(depthOf('["[[[[{{{{", "\\"[[[[", "\\\\"]')).toBe(1);
    expect(depthOf(nested(3))).toBe(5);
  });

  it("lets the deepest body an article may have through, inside the action envelope", () => {
    const body = `[{"id":"x","version":1,"body":{"type":"doc","content":[${nested(MAX_JSON_DEPTH / 2 - 4)}]}}]`;
    expect(depthOf(body)).toBeLessThanOrEqual(MAX_JSON_DEPTH + 4);
    expect(jsonDepthExceeds(body)).toBe(false);
    expect(MAX_ACTION_JSON_DEPTH).toBeGreaterThan(MAX_JSON_DEPTH + 4);
  });

  it("trips on a body nested 3,000 levels deep (React's decodeReply overflows the stack there)", () => {
    expect(jsonDepthExceeds(`[{"body":${nested(3_000)}}]`)).toBe(true);
  });

  it("works across chunk boundaries, strings and escapes included", () => {
    const text = `["a\\"[", ${"[".repeat(200)}`;
    const meter = jsonDepthMeter(150);
    const bytes = new TextEncoder().encode(text);
    const results = [];
    for (let i = 0; i < bytes.length; i += 3) results.push(meter.push(bytes.subarray(i, i + 3)));
    expect(results.at(-1)).toBe(true);
    // the outer "[" is level 1 (the one in the string does not count): the run's 150th "[" is level 151
    const trip = text.indexOf("[", 8) + 149;
    expect(results.indexOf(true)).toBe(Math.floor(trip / 3));
  });
});
