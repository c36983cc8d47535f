/**
 * Renders documents the way a save does (normalizeTiptapDoc, then renderArticle) in a process of
 * its own, one JSON line per document: wall time, bytes allocated on the JS heap (the growth
 * between garbage collections, summed) and the peak held above the baseline.
 *   node --import tsx --expose-gc lib/content/fuzz/render-probe.ts <fixture.json>      (fixtures.test.ts)
 *   node --import tsx --expose-gc lib/content/fuzz/render-probe.ts --batch <docs.jsonl> <from>  (find-worst.ts)
 * In batch mode a "start" line precedes each document, so a parent can tell which one killed it.
 */
import { readFileSync } from "node:fs";
import v8 from "node:v8";
import { renderArticle } from "@/lib/content/render";
import { normalizeTiptapDoc } from "@/lib/services/articles/body-schema";

type ProbeOutcome = { rendered: number } | { refused: string } | { threw: string; code?: string };
export type ProbeResult = { ms: number; allocatedBytes: number; peakBytes: number; outcome: ProbeOutcome };

function saveAndRender(doc: unknown): ProbeOutcome {
  try {
    const n = normalizeTiptapDoc(doc);
    if ("error" in n) return { refused: n.error };
    return { rendered: renderArticle(n.doc).html.length };
  } catch (e) {
    return { threw: e instanceof Error ? e.message : String(e), code: (e as { code?: string }).code };
  }
}

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with --expose-gc");

function measure(doc: unknown): ProbeResult {
  gc!();
  const profiler = new v8.GCProfiler();
  profiler.start();
  const base = v8.getHeapStatistics().used_heap_size;
  const t0 = performance.now();
  const outcome = saveAndRender(doc);
  const ms = performance.now() - t0;
  const end = v8.getHeapStatistics().used_heap_size;
  const { statistics } = profiler.stop();
  let allocated = 0;
  let peak = base;
  let last = base;
  for (const s of statistics) {
    const before = s.beforeGC.heapStatistics.usedHeapSize;
    allocated += Math.max(0, before - last);
    peak = Math.max(peak, before);
    last = s.afterGC.heapStatistics.usedHeapSize;
  }
  allocated += Math.max(0, end - last);
  return { ms, allocatedBytes: allocated, peakBytes: Math.max(peak, end) - base, outcome };
}

// warm up: schema, grammars and the sanitiser load lazily; the figures are the document's own cost
saveAndRender({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "预热" }] }] });
saveAndRender({
  type: "doc",
  content: [
    { type: "codeBlock", attrs: { language: "javascript" }, content: [{ type: "text", text: "let a = 1;" }] },
  ],
});

const out = (line: object) => process.stdout.write(JSON.stringify(line) + "\n");
if (process.argv[2] === "--batch") {
  const docs = readFileSync(process.argv[3]!, "utf8").trim().split("\n");
  for (let i = Number(process.argv[4] ?? 0); i < docs.length; i++) {
    out({ start: i });
    out({ i, ...measure(JSON.parse(docs[i]!)) });
  }
} else {
  const { doc } = JSON.parse(readFileSync(process.argv[2]!, "utf8")) as { doc: unknown };
  out(measure(doc));
}
