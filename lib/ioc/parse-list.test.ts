import { describe, expect, it } from "vitest";
import { parseIocList } from "./parse-list";
import { MAX_IOC_ITEMS } from "./types";

const pairs = (text: string) => parseIocList(text).items.map((i) => [i.type, i.value]);

describe("parseIocList", () => {
  it("reads one per line, or separated by spaces, commas and semicolons, refanging as it goes", () => {
    const text = [
      "hxxps://evil[.]example/gate.php",
      "198.51.100[.]7, 2001[:]db8[:][:]1; phish[@]evil[.]example",
      "  evil[dot]example  ",
      "例子[.]中国 CVE-2024-3094",
      "d41d8cd98f00b204e9800998ecf8427e\tdropper.exe",
      "HKLM\\Software\\Evil Corp\\Run",
      "",
    ].join("\r\n");
    expect(pairs(text)).toEqual([
      ["url", "https://evil.example/gate.php"],
      ["ipv4", "198.51.100.7"],
      ["ipv6", "2001:db8::1"],
      ["email", "phish@evil.example"],
      ["domain", "evil.example"],
      ["domain", "例子.中国"],
      ["cve", "CVE-2024-3094"],
      ["md5", "d41d8cd98f00b204e9800998ecf8427e"],
      ["filename", "dropper.exe"],
      ["regkey", "HKLM\\Software\\Evil Corp\\Run"],
    ]);
    expect(parseIocList(text).items.every((i) => i.malicious && i.context === "")).toBe(true);
  });

  it("joins spaced-out defanging before splitting", () => {
    expect(pairs("name [at] evil [dot] com")).toEqual([["email", "name@evil.com"]]);
  });

  it("reports what it could not classify, once each, and strips quotes and list punctuation", () => {
    const r = parseIocList('"1.2.3.4", C2 server\nC2\n<script>alert(1)</script>\njavascript:alert(1)');
    expect(r.items.map((i) => i.value)).toEqual(["1.2.3.4"]);
    expect(r.unrecognised).toEqual(["C2", "server", "script>alert(1)</script", "javascript:alert(1)"]);
    expect(parseIocList("(evil.com)").items.map((i) => i.value)).toEqual(["evil.com"]);
  });

  it("de-duplicates within the paste and against the block's rows", () => {
    const existing = [{ type: "domain" as const, value: "evil.com", context: "", malicious: true }];
    const r = parseIocList("EVIL.com\nevil[.]com\nhttp://evil.com\n1.1.1.1 1.1.1[.]1", existing);
    expect(r.items.map((i) => i.value)).toEqual(["http://evil.com", "1.1.1.1"]);
    expect(r.duplicates).toBe(3);
  });

  it("caps the rows and the text", () => {
    const many = Array.from({ length: MAX_IOC_ITEMS + 10 }, (_, i) => `10.0.${i >> 8}.${i & 255}`).join("\n");
    const r = parseIocList(many);
    expect(r.items).toHaveLength(MAX_IOC_ITEMS);
    expect(r.truncated).toBe(true);
    expect(parseIocList("a".repeat(200_000)).truncated).toBe(true);
  });

  it("never lets a hostile token through: NUL, controls, 10,000 characters", () => {
    const r = parseIocList(`evil\u0000.com\n${"a".repeat(10_000)}.com\nok.example`);
    expect(r.items.map((i) => i.value)).toEqual(["ok.example"]);
    expect(r.unrecognised).toHaveLength(2);
    expect(r.unrecognised[0]).toBe("evil\uFFFD.com");
    expect(r.unrecognised[1]).toHaveLength(81);
  });
});
