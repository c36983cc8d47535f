import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { uid } from "@/lib/test/factories";
import "@/lib/test/next-mocks";
import { exportAuditCsv } from "./export-audit-csv";
import { createActor } from "./test-helpers";

const labels = { action: (k: string) => `标签:${k}`, target: (t: string | null) => t ?? "—" };

async function text(chunks: AsyncIterable<string>) {
  let out = "";
  for await (const c of chunks) out += c;
  return out;
}

/** RFC 4180 reader for the assertions: quoted cells may hold commas, quotes and CRLF. */
function parseCsv(s: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (quoted && ch === '"' && s[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (!quoted && ch === ",") {
      row.push(cell);
      cell = "";
    } else if (!quoted && ch === "\r" && s[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else {
      cell += ch;
    }
  }
  return rows;
}

async function seed(prefix: string, n: number, extra: object = {}) {
  await db.auditLog.createMany({
    data: Array.from({ length: n }, (_, i) => ({
      action: `${prefix}.a${i % 2}`,
      targetId: `t${i}`,
      ...extra,
    })),
  });
}

describe("audit log CSV export", () => {
  it("exports the filtered rows newest first, with BOM, zh-CN header, Beijing time and guarded cells", async () => {
    const admin = await createActor("ADMIN");
    const prefix = `csv${uid(6)}`;
    await db.auditLog.create({
      data: {
        action: `${prefix}.evil`,
        actorId: admin.id,
        targetType: "user",
        targetId: "=cmd|' /C calc'!A0",
        ip: "203.0.113.9",
        meta: { note: '他说 "你好", 然后\r\n换行' },
        createdAt: new Date("2026-01-01T16:30:05Z"),
      },
    });
    await seed(prefix, 3);
    await seed(`other${uid(6)}`, 2);
    const out = await exportAuditCsv(admin, { action: `${prefix}.` }, labels);
    expect(out.filename).toMatch(/^audit-log-\d{8}\.csv$/);
    const csv = await text(out.chunks);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows[0]).toEqual([
      "编号",
      "时间（北京时间）",
      "操作人",
      "操作人邮箱",
      "操作",
      "操作代码",
      "对象类型",
      "对象编号",
      "IP",
      "详情",
    ]);
    const body = rows.slice(1);
    expect(body).toHaveLength(4);
    expect(body.map((r) => r[5])).toEqual([`${prefix}.a0`, `${prefix}.a1`, `${prefix}.a0`, `${prefix}.evil`]);
    const ids = body.map((r) => BigInt(r[0]!));
    expect([...ids].sort((a, b) => (a > b ? -1 : 1))).toEqual(ids);
    const evil = body[3]!;
    expect(evil.slice(1)).toEqual([
      "2026-01-02 00:30:05",
      admin.displayName,
      expect.stringContaining("@"),
      `标签:${prefix}.evil`,
      `${prefix}.evil`,
      "user",
      "'=cmd|' /C calc'!A0",
      "203.0.113.9",
      JSON.stringify({ note: '他说 "你好", 然后\r\n换行' }),
    ]);
    expect(body[0]![2]).toBe("系统 / 访客");
    const [row] = await db.auditLog.findMany({ where: { action: "audit.export", actorId: admin.id } });
    expect(row!.meta).toMatchObject({ action: `${prefix}.` });
  });

  it("applies target and date filters the way the page does", async () => {
    const admin = await createActor("ADMIN");
    const prefix = `csv${uid(6)}`;
    await seed(prefix, 4, { createdAt: new Date("2025-03-01T15:59:00Z") }); // 2025-03-01 23:59 Beijing
    await seed(prefix, 2, { createdAt: new Date("2025-03-01T16:01:00Z") }); // 2025-03-02 00:01 Beijing
    const day1 = parseCsv(
      await text(
        (await exportAuditCsv(admin, { action: prefix, from: "2025-03-01", to: "2025-03-01" }, labels))
          .chunks,
      ),
    );
    expect(day1).toHaveLength(1 + 4);
    const one = parseCsv(
      await text((await exportAuditCsv(admin, { action: prefix, target: "t1" }, labels)).chunks),
    );
    expect(one.slice(1).map((r) => r[7])).toEqual(["t1", "t1"]);
  });

  it("stops at the cap and says so in the file", async () => {
    const admin = await createActor("ADMIN");
    const prefix = `csv${uid(6)}`;
    await seed(prefix, 2503);
    const full = parseCsv(await text((await exportAuditCsv(admin, { action: prefix }, labels, 2503)).chunks));
    expect(full).toHaveLength(1 + 2503);
    const cut = parseCsv(await text((await exportAuditCsv(admin, { action: prefix }, labels, 2500)).chunks));
    expect(cut).toHaveLength(1 + 2500 + 1);
    expect(cut.at(-1)![0]).toContain("已达导出上限 2500 行");
    expect(new Set(cut.slice(1, -1).map((r) => r[0])).size).toBe(2500);
  });

  it("refuses bad filters and non-admins, writing no audit row", async () => {
    const admin = await createActor("ADMIN");
    for (const bad of [
      { from: "2025-13-45" },
      { to: "yesterday" },
      { action: "a\u0000b" },
      { before: "5" },
      { sort: "id" },
    ]) {
      await expect(exportAuditCsv(admin, bad, labels)).rejects.toMatchObject({ name: "ZodError" });
    }
    const editor = await createActor("EDITOR");
    await expect(exportAuditCsv(editor, {}, labels)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(
      await db.auditLog.count({ where: { action: "audit.export", actorId: { in: [admin.id, editor.id] } } }),
    ).toBe(0);
  });
});
