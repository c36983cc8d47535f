/**
 * Looks for the costliest small documents: generates FUZZ_RUNS documents of at most MAX_BYTES of
 * JSON from the fuzz generators (seeded), renders each the way a save does in a child process
 * (render-probe.ts, 256 MB heap, 10 s a document; a child that dies or stalls is restarted after
 * the document that did it), and prints the worst by outcome, time and allocation. The ones worth
 * keeping become fixtures/*.json, which fixtures.test.ts renders on every run.
 *   npx tsx lib/content/fuzz/find-worst.ts            FUZZ_SEED, FUZZ_RUNS, MAX_BYTES to change
 */
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import fc from "fast-check";
import { anyDoc } from "./arbitraries";

const seed = Number(process.env.FUZZ_SEED ?? 20261201);
const runs = Number(process.env.FUZZ_RUNS ?? 2000);
const maxBytes = Number(process.env.MAX_BYTES ?? 300);
const probe = path.join(import.meta.dirname, "render-probe.ts");

const docs = fc
  .sample(anyDoc, { seed, numRuns: runs * 5 })
  .map((d) => {
    try {
      return JSON.stringify(d) ?? null;
    } catch {
      return null; // nested past JSON.stringify's stack: not a document anyone can send
    }
  })
  .filter((s): s is string => typeof s === "string" && Buffer.byteLength(s) <= maxBytes)
  .slice(0, runs);
const file = path.join(mkdtempSync(path.join(tmpdir(), "byline-fuzz-")), "docs.jsonl");
writeFileSync(file, docs.join("\n") + "\n");

type Row = {
  i: number;
  ms: number;
  allocatedBytes: number;
  peakBytes: number;
  outcome: Record<string, unknown>;
};
const rows: Row[] = [];

function runFrom(from: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "--expose-gc", "--max-old-space-size=256", probe, "--batch", file, String(from)],
      { stdio: ["ignore", "pipe", "ignore"] },
    );
    let current: number | null = null; // the document started and not yet finished
    let timer: NodeJS.Timeout | undefined;
    // start-up (loading tiptap, warming up) is not any document's cost: only a started one is timed
    const arm = (ms: number) => {
      clearTimeout(timer);
      timer = setTimeout(() => child.kill("SIGKILL"), ms);
    };
    arm(60_000);
    createInterface({ input: child.stdout }).on("line", (line) => {
      const msg = JSON.parse(line) as { start?: number } & Row;
      if (msg.start !== undefined) {
        current = msg.start;
        arm(10_000);
      } else {
        rows.push(msg);
        current = null;
      }
    });
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      if (code === 0) return resolve(docs.length);
      if (current === null)
        return reject(new Error(`render probe died outside a document (${signal ?? code})`));
      rows.push({
        i: current,
        ms: Infinity,
        allocatedBytes: Infinity,
        peakBytes: Infinity,
        outcome: { died: signal === "SIGKILL" ? "over 10 s" : `${signal ?? `exit ${code}`} (out of memory)` },
      });
      resolve(current + 1);
    });
  });
}

for (let next = 0; next < docs.length;) next = await runFrom(next);

const worst = rows.sort((a, b) => b.ms - a.ms || b.allocatedBytes - a.allocatedBytes).slice(0, 10);
console.log(`seed ${seed}: ${docs.length} documents of ≤ ${maxBytes} bytes; the 10 costliest:`);
for (const r of worst) {
  const mb = (n: number) => (Number.isFinite(n) ? `${(n / 1e6).toFixed(1)} MB` : "∞");
  console.log(
    `${Number.isFinite(r.ms) ? r.ms.toFixed(1) : "∞"} ms, ${mb(r.allocatedBytes)} allocated: ${JSON.stringify(r.outcome).slice(0, 80)}\n  ${docs[r.i]}`,
  );
}
const slowest = rows.filter((r) => Number.isFinite(r.ms)).sort((a, b) => b.ms - a.ms)[0];
const heaviest = rows
  .filter((r) => Number.isFinite(r.allocatedBytes))
  .sort((a, b) => b.allocatedBytes - a.allocatedBytes)[0];
console.log(
  `max time ${slowest?.ms.toFixed(1)} ms, max allocated ${((heaviest?.allocatedBytes ?? 0) / 1e6).toFixed(1)} MB, ${rows.filter((r) => !Number.isFinite(r.ms)).length} died`,
);
