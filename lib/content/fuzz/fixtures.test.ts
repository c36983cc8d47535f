import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { ProbeResult } from "./render-probe";

/**
 * Acceptance (issue 8): a worker that renders a 300-byte document never allocates more than 50 MB
 * or runs more than 1 s, tested with the worst documents the fuzz suite found (fixtures/*.json,
 * find-worst.ts). They are rendered the way a save does, in a child process of their own with a
 * 256 MB heap, so a document that still blew up (the colspan bomb took the server past 4.7 GB)
 * kills the child, not this test run. Print the figures: FUZZ_REPORT=1 npx vitest run --project unit lib/content/fuzz/fixtures.test.ts
 */
const dir = path.join(import.meta.dirname, "fixtures");
type Fixture = { why: string; expect: "refused"; message: string; doc: unknown };
const fixtures = readdirSync(dir)
  .filter((f) => f.endsWith(".json"))
  .sort()
  .map((f) => ({
    name: f.replace(/\.json$/, ""),
    ...(JSON.parse(readFileSync(path.join(dir, f), "utf8")) as Fixture),
  }));

const MB = 1_000_000;
const results: (ProbeResult | undefined)[] = [];
const deaths: string[] = [];

/** One child renders the fixtures in turn; one that kills it is recorded, and a new child goes on after it. */
function renderAll() {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "byline-fixtures-")), "docs.jsonl");
  writeFileSync(file, fixtures.map((f) => JSON.stringify(f.doc)).join("\n") + "\n");
  const probe = path.join(import.meta.dirname, "render-probe.ts");
  for (let from = 0; from < fixtures.length;) {
    const args = [
      "--import",
      "tsx",
      "--expose-gc",
      "--max-old-space-size=256",
      probe,
      "--batch",
      file,
      String(from),
    ];
    const r = spawnSync(process.execPath, args, {
      encoding: "utf8",
      timeout: 60_000,
      cwd: path.resolve(import.meta.dirname, "../../.."),
    });
    let started: number | undefined;
    for (const line of r.stdout.split("\n").filter(Boolean)) {
      const msg = JSON.parse(line) as { start?: number; i?: number } & ProbeResult;
      if (msg.start !== undefined) started = msg.start;
      else results[msg.i!] = msg;
    }
    if (r.status === 0) break;
    const why = `${r.signal ?? `exit ${r.status}`}${/heap out of memory|Last few GCs/.test(r.stderr) ? ", out of memory at 256 MB" : r.signal === "SIGTERM" ? ", over 60 s" : ""}`;
    if (started === undefined || results[started])
      throw new Error(`render probe failed outside a document: ${why}\n${r.stderr.slice(0, 500)}`);
    deaths[started] = why;
    from = started + 1;
  }
  if (process.env.FUZZ_REPORT)
    for (const [i, f] of fixtures.entries())
      console.info(f.name, JSON.stringify(results[i] ?? { died: deaths[i] }));
}

describe("the worst documents the fuzz suite found, rendered in a separate process", () => {
  beforeAll(renderAll, 120_000);

  it("are all at most 300 bytes of JSON", () => {
    for (const f of fixtures)
      expect(Buffer.byteLength(JSON.stringify(f.doc)), f.name).toBeLessThanOrEqual(300);
    expect(fixtures.map((f) => f.name)).toContain("colspan-bomb");
  });

  it.each(fixtures.map((f, i) => [f.name, i] as const))(
    "%s: refused with its zh-CN message, under 1 s and 50 MB",
    (name, i) => {
      const r = results[i];
      expect(r, `rendering ${name} killed the process (${deaths[i]})`).toBeDefined();
      expect(r!.outcome).toEqual({ refused: expect.stringContaining(fixtures[i]!.message) });
      expect(r!.ms).toBeLessThan(1_000);
      expect(r!.allocatedBytes).toBeLessThan(50 * MB);
    },
  );
});
