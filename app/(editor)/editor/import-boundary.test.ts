import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../../..");
// the editor bundle (tiptap, the workspace, its services) must never reach a reader's page
const FORBIDDEN = [
  /@\/components\/editor\b/,
  /\(editor\)/,
  /@\/lib\/services\/articles\b/,
  /@tiptap\/(react|extensions)\b/,
];

function sources(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.(ts|tsx)$/.test(e.name) ? [p] : [];
  });
}

const importsOf = (file: string) =>
  [...fs.readFileSync(file, "utf8").matchAll(/(?:from|import)\s*\(?\s*["']([^"']+)["']/g)].map((m) => m[1]!);

describe("editor import boundary", () => {
  it("public pages and site components import nothing from the editor", () => {
    const files = [
      ...sources(path.join(root, "app/(public)")),
      ...sources(path.join(root, "components/site")),
    ];
    expect(files.length).toBeGreaterThan(0);
    const offenders = files.flatMap((f) =>
      importsOf(f)
        .filter((spec) => FORBIDDEN.some((re) => re.test(spec)))
        .map((spec) => `${path.relative(root, f)} → ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it("would catch an offending import", () => {
    expect(FORBIDDEN.some((re) => re.test("@/components/editor/article-editor"))).toBe(true);
    expect(FORBIDDEN.some((re) => re.test("../../(editor)/editor/articles/actions"))).toBe(true);
  });
});
