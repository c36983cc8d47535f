import { describe, expect, it } from "vitest";
import { parseStixPattern, validateStixBundle } from "@/lib/test/stix21";
import { type IocItem, type IocType, IOC_TYPES } from "../types";
import { iocCsv } from "./csv";
import type { IocExportInput } from "./input";
import { iocMispEvent, MISP_TYPES } from "./misp";
import { iocStixBundle } from "./stix";
import { expandHive } from "./stix-pattern";

const items: IocItem[] = [
  { type: "ipv4", value: "198.51.100.7", context: "C2 服务器", malicious: true },
  { type: "ipv6", value: "2001:db8::1", context: "", malicious: true },
  { type: "domain", value: "例子.中国", context: "钓鱼域名", malicious: true },
  { type: "domain", value: "xn--fsqu00a.xn--fiqs8s", context: "", malicious: false },
  {
    type: "url",
    value: "https://evil.example/gate.php?id=1&x='",
    context: '=HYPERLINK("x")',
    malicious: true,
  },
  { type: "email", value: "phish@evil.example", context: "+发件人", malicious: true },
  { type: "md5", value: "d41d8cd98f00b204e9800998ecf8427e", context: "-", malicious: true },
  { type: "sha1", value: "da39a3ee5e6b4b0d3255bfef95601890afd80709", context: "@SUM(1)", malicious: true },
  {
    type: "sha256",
    value: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    context: "",
    malicious: true,
  },
  { type: "filename", value: "报价单 (1).docm", context: "<b>宏</b>", malicious: true },
  { type: "regkey", value: "HKLM\\Software\\Evil's Corp\\Run", context: "持久化", malicious: true },
  { type: "cve", value: "CVE-2024-3094", context: "xz 后门", malicious: true },
];
const input: IocExportInput = {
  site: { name: "Byline 安全资讯", url: "https://byline.example" },
  article: {
    publicId: "a1b2c3d4e5",
    title: "某 APT 组织利用 xz 后门",
    lede: "导语",
    url: "https://byline.example/posts/a1b2c3d4e5",
    publishedAt: new Date("2026-11-30T08:00:00.000Z"),
    updatedAt: new Date("2026-12-01T09:30:00.000Z"),
  },
  items,
};

/** RFC 4180 with CRLF, enough for csv-stringify's output */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (quoted) cell += c;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      rows.push([...row, cell]);
      row = [];
      cell = "";
      i++;
    } else cell += c;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}
const unguard = (cell: string) => (/^'[=+\-@\t\r\n]/.test(cell) ? cell.slice(1) : cell);

describe("CSV export", () => {
  const csv = iocCsv(input);

  it("re-imports to the same indicators", () => {
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const [header, ...rows] = parseCsv(csv.slice(1));
    expect(header).toEqual(["type", "type_label", "value", "context", "malicious", "article_url"]);
    const back = rows.map(([type, , value, context, malicious]) => ({
      type: type as IocType,
      value: unguard(value!),
      context: unguard(context!),
      malicious: malicious === "true",
    }));
    expect(back).toEqual(items);
  });

  it("guards cells a spreadsheet would run as formulas", () => {
    const cells = parseCsv(csv.slice(1)).flat();
    expect(cells).toContain('\'=HYPERLINK("x")');
    expect(cells).toContain("'+发件人");
    expect(cells).toContain("'@SUM(1)");
    expect(cells.filter((c) => /^[=+\-@]/.test(c))).toEqual([]);
  });
});

describe("STIX 2.1 export", () => {
  const bundle = JSON.parse(JSON.stringify(iocStixBundle(input))) as { objects: Record<string, unknown>[] };

  it("is a valid STIX 2.1 bundle", () => {
    expect(validateStixBundle(bundle)).toEqual([]);
  });

  it("emits the pattern each type calls for", () => {
    const patterns = bundle.objects.filter((o) => o.type === "indicator").map((o) => o.pattern);
    expect(patterns).toEqual(
      expect.arrayContaining([
        "[ipv4-addr:value = '198.51.100.7']",
        "[ipv6-addr:value = '2001:db8::1']",
        "[domain-name:value = '例子.中国']",
        "[url:value = 'https://evil.example/gate.php?id=1&x=\\'']",
        "[email-addr:value = 'phish@evil.example']",
        "[file:hashes.MD5 = 'd41d8cd98f00b204e9800998ecf8427e']",
        "[file:hashes.'SHA-1' = 'da39a3ee5e6b4b0d3255bfef95601890afd80709']",
        "[file:hashes.'SHA-256' = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855']",
        "[file:name = '报价单 (1).docm']",
        "[windows-registry-key:key = 'HKEY_LOCAL_MACHINE\\\\Software\\\\Evil\\'s Corp\\\\Run']",
      ]),
    );
    const vuln = bundle.objects.find((o) => o.type === "vulnerability");
    expect(vuln).toMatchObject({
      name: "CVE-2024-3094",
      external_references: [{ source_name: "cve", external_id: "CVE-2024-3094" }],
    });
  });

  it("re-imports to the same indicators, all named by the article's report", () => {
    const byPath: Record<string, IocType> = {
      "ipv4-addr:value": "ipv4",
      "ipv6-addr:value": "ipv6",
      "domain-name:value": "domain",
      "url:value": "url",
      "email-addr:value": "email",
      "file:hashes.MD5": "md5",
      "file:hashes.SHA-1": "sha1",
      "file:hashes.SHA-256": "sha256",
      "file:name": "filename",
      "windows-registry-key:key": "regkey",
    };
    const report = bundle.objects.find((o) => o.type === "report")!;
    const objects = (report.object_refs as string[]).map((ref) => bundle.objects.find((o) => o.id === ref)!);
    const back = objects.map((o) => {
      if (o.type === "vulnerability")
        return { type: "cve", value: o.name, context: o.description ?? "", malicious: true };
      const { path, value } = parseStixPattern(o.pattern as string)!;
      const malicious = (o.indicator_types as string[]).includes("malicious-activity");
      return { type: byPath[path], value, context: o.description ?? "", malicious };
    });
    expect(back).toEqual(items.map((i) => (i.type === "regkey" ? { ...i, value: expandHive(i.value) } : i)));
    expect(report).toMatchObject({ name: input.article.title, published: "2026-11-30T08:00:00.000Z" });
  });

  it("gives the same ids on a second export", () => {
    expect(iocStixBundle(input)).toEqual(iocStixBundle(input));
  });

  it("the validator catches what it should (a test that can fail)", () => {
    const broken = structuredClone(bundle);
    const ind = broken.objects.find((o) => o.type === "indicator")!;
    ind.id = "indicator--not-a-uuid";
    ind.pattern = "[ipv4-addr:value = '1.2.3.4'";
    delete ind.valid_from;
    broken.objects[0]!.created = "2026-12-01 10:00:00";
    broken.objects.push({
      type: "report",
      id: "report--0b7b1e3c-6a7e-4b1f-8f3a-1f2e3d4c5b6a",
      spec_version: "2.1",
      created: "2026-12-01T00:00:00Z",
      modified: "2026-12-01T00:00:00Z",
      name: "x",
      published: "2026-12-01T00:00:00Z",
      object_refs: ["indicator--00000000-0000-4000-8000-000000000000"],
    });
    const problems = validateStixBundle(broken).join("\n");
    for (const p of [
      "bad id indicator--not-a-uuid",
      "does not parse",
      "missing required property valid_from",
      "created is not an RFC 3339",
      "does not resolve",
    ])
      expect(problems).toContain(p);
  });
});

describe("MISP export", () => {
  const event = JSON.parse(JSON.stringify(iocMispEvent(input))).Event;

  it("re-imports to the same indicators, with MISP's types and categories", () => {
    const byMisp = new Map(IOC_TYPES.map((t) => [`${MISP_TYPES[t].type}|${MISP_TYPES[t].category}`, t]));
    const back = (event.Attribute as Record<string, unknown>[]).map((a) => {
      const type = byMisp.get(`${a.type}|${a.category}`)!;
      return {
        type: a.type === "ip-dst" ? (String(a.value).includes(":") ? "ipv6" : "ipv4") : type,
        value: a.value,
        context: a.comment,
        malicious: a.to_ids === true || type === "cve",
      };
    });
    expect(back).toEqual(items);
    expect(event).toMatchObject({
      info: input.article.title,
      date: "2026-11-30",
      Tag: [{ name: "tlp:clear" }],
    });
    for (const a of event.Attribute) expect(a.uuid).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("flags malicious indicators for IDS, never a benign one or a CVE id", () => {
    const flags = (event.Attribute as { value: string; to_ids: boolean }[]).map((a) => [a.value, a.to_ids]);
    expect(flags).toContainEqual(["198.51.100.7", true]);
    expect(flags).toContainEqual(["xn--fsqu00a.xn--fiqs8s", false]);
    expect(flags).toContainEqual(["CVE-2024-3094", false]);
  });
});
