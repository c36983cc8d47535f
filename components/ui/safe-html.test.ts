import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const ALLOWED = "components/ui/safe-html.tsx";
const PATTERN = /dangerouslySetInnerHTML/;

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.(tsx?|jsx?|mdx?)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

describe("one HTML component", () => {
  it("dangerouslySetInnerHTML appears only in components/ui/safe-html.tsx", () => {
    const files = [...sources(path.join(root, "app")), ...sources(path.join(root, "components"))];
    expect(files.length).toBeGreaterThan(50);
    const offenders = files
      .filter((f) => PATTERN.test(fs.readFileSync(f, "utf8")))
      .map((f) => path.relative(root, f).split(path.sep).join("/"))
      .filter((f) => f !== ALLOWED);
    expect(offenders).toEqual([]);
  });

  it("would catch an offender, and the allowed file really holds the injection", () => {
    expect(PATTERN.test("<div dangerouslySetInnerHTML={{ __html: x }} />")).toBe(true);
    expect(PATTERN.test(fs.readFileSync(path.join(root, ALLOWED), "utf8"))).toBe(true);
  });
});
