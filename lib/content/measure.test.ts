import { describe, expect, it } from "vitest";
import { measureDoc } from "./measure";

const cell = (attrs: object = {}) => ({ type: "tableCell", attrs, content: [{ type: "paragraph" }] });
const table = (...rows: object[][]) => ({
  type: "doc",
  content: [{ type: "table", content: rows.map((content) => ({ type: "tableRow", content })) }],
});
const cells = (value: object) => {
  const m = measureDoc(value);
  return m.ok ? m.stats.maxTableCells : m.error;
};

describe("measureDoc: tables are rows × effective columns", () => {
  it("counts colspans, and cells spanned down from rows above", () => {
    expect(cells(table([cell(), cell({ colspan: 3 })]))).toBe(4);
    // a rowspan-3 cell of 10 columns widens the two rows below it: 3 rows × 11 columns
    expect(cells(table([cell({ colspan: 10, rowspan: 3 }), cell()], [cell()], [cell()]))).toBe(33);
  });

  it("refuses more than 50 effective columns, including columns carried by rowspans", () => {
    expect(cells(table(Array.from({ length: 50 }, () => cell())))).toBe(50);
    expect(cells(table(Array.from({ length: 51 }, () => cell())))).toMatch(/表格过大/);
    const carried = table([cell({ colspan: 30, rowspan: 2 }), cell()], [cell({ colspan: 21 })]);
    expect(cells(carried)).toMatch(/表格过大/);
  });

  it("refuses more than 10,000 cells and more than 1,000 rows", () => {
    const rows = (n: number, width: number) => Array.from({ length: n }, () => [cell({ colspan: width })]);
    expect(cells(table(...rows(200, 50)))).toBe(10_000);
    expect(cells(table(...rows(201, 50)))).toMatch(/表格过大/);
    expect(cells(table(...rows(1_001, 1)))).toMatch(/表格过大/);
  });

  it("reports size, depth, node and text counts of an ordinary document", () => {
    const m = measureDoc({
      type: "doc",
      content: [{ type: "paragraph", content: [{ type: "text", text: "你好", marks: [{ type: "bold" }] }] }],
    });
    expect(m).toEqual({ ok: true, stats: expect.objectContaining({ depth: 3, nodes: 4, textLength: 2 }) });
    const json = JSON.stringify({
      type: "doc",
      content: [{ type: "paragraph", content: [{ type: "text", text: "你好", marks: [{ type: "bold" }] }] }],
    });
    expect(m.ok && Math.abs(m.stats.bytes - Buffer.byteLength(json))).toBeLessThan(20);
  });
});
