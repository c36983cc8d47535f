import { describe, expect, it } from "vitest";
import { IOC_TYPES, type IocType } from "./types";
import { checkIocValue, normalizeIocValue } from "./validate";

const good: Record<IocType, [input: string, normalised: string][]> = {
  ipv4: [
    ["192.0.2.1", "192.0.2.1"],
    [" 8.8.8.8 ", "8.8.8.8"],
  ],
  ipv6: [
    ["2001:db8::1", "2001:db8::1"],
    ["2001:0DB8:0000:0000:0000:0000:0000:0001", "2001:db8::1"],
    ["::1", "::1"],
    ["fe80::", "fe80::"],
    ["::", "::"],
  ],
  domain: [
    ["Evil.Example.COM", "evil.example.com"],
    ["例子.中国", "例子.中国"],
    ["xn--fsqu00a.xn--fiqs8s", "xn--fsqu00a.xn--fiqs8s"],
    ["_dmarc.example.org", "_dmarc.example.org"],
    ["bücher.de.", "bücher.de"],
  ],
  url: [
    ["HTTP://Evil.Example/a.php?x=1#f", "http://evil.example/a.php?x=1#f"],
    ["https://例子.中国/路径", "https://例子.中国/路径"],
    ["http://user@192.0.2.1:8080/x", "http://user@192.0.2.1:8080/x"],
    ["https://[2001:DB8::1]/", "https://[2001:db8::1]/"],
    ["ftp://files.example.net", "ftp://files.example.net"],
  ],
  email: [
    ["Phish@Example.com", "Phish@example.com"],
    ["a.b+c@例子.中国", "a.b+c@例子.中国"],
  ],
  md5: [["D41D8CD98F00B204E9800998ECF8427E", "d41d8cd98f00b204e9800998ecf8427e"]],
  sha1: [["da39a3ee5e6b4b0d3255bfef95601890afd80709", "da39a3ee5e6b4b0d3255bfef95601890afd80709"]],
  sha256: [
    [
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    ],
  ],
  filename: [
    ["invoice 2024.exe", "invoice 2024.exe"],
    ["报价单.docm", "报价单.docm"],
  ],
  regkey: [
    [
      "HKLM\\Software\\Microsoft\\Windows\\CurrentVersion\\Run",
      "HKLM\\Software\\Microsoft\\Windows\\CurrentVersion\\Run",
    ],
    ["HKEY_CURRENT_USER\\Software\\Evil Corp\\", "HKEY_CURRENT_USER\\Software\\Evil Corp\\"],
  ],
  cve: [["cve-2024-3094", "CVE-2024-3094"]],
};

const bad: Record<IocType, string[]> = {
  ipv4: ["256.1.1.1", "1.2.3", "01.2.3.4", "1.2.3.4.5", "1.2.3.4/24"],
  ipv6: ["2001:db8:::1", "fe80::1%eth0", "12345::", "1.2.3.4", "::g"],
  domain: [
    "localhost",
    "-a.com",
    "a-.com",
    "a..com",
    "example.c0m",
    `${"a".repeat(64)}.com`,
    "a b.com",
    "1.2.3.4",
  ],
  url: [
    "javascript:alert(1)",
    "JaVaScRiPt://x.com",
    "data:text/html,x",
    "http://",
    "http://a b.com",
    "//evil.com",
    "http://evil.com/<script>",
    'http://e.com/"',
    "http://e.com:99999/",
  ],
  email: ["@example.com", "a@b", "a..b@example.com", "a@-x.com", "a b@example.com"],
  md5: ["d41d8cd98f00b204e9800998ecf8427", "z41d8cd98f00b204e9800998ecf8427e"],
  sha1: ["da39a3ee5e6b4b0d3255bfef95601890afd8070"],
  sha256: ["e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85"],
  filename: ["a/b.exe", "..", "con:x", "evil.exe.", 'a"b.exe', "x".repeat(256)],
  regkey: ["Software\\Run", "HKLM\\\\Run", "HKXX\\Run"],
  cve: ["CVE-24-1", "CVE-2024-123", "CVE-1998-0001"],
};

describe("checkIocValue", () => {
  it.each(IOC_TYPES)("%s: accepts and normalises real values", (type) => {
    for (const [input, normalised] of good[type])
      expect(normalizeIocValue(type, input), input).toBe(normalised);
  });

  it.each(IOC_TYPES)("%s: refuses malformed values with a zh-CN message", (type) => {
    for (const input of bad[type]) {
      const r = checkIocValue(type, input);
      expect(r.ok, input).toBe(false);
      if (!r.ok) expect(r.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it.each(IOC_TYPES)(
    "%s: refuses hostile input (HTML, javascript:, 10,000 characters, NUL, controls)",
    (type) => {
      const hostile = [
        "<img src=x onerror=alert(1)>",
        "evil.com<script>alert(1)</script>",
        "javascript:alert(1)",
        "a".repeat(10_000),
        `${"a".repeat(9_996)}.com`,
        "evil.com\u0000",
        "evil\u0000.exe",
        "evil.com\n",
        "evil\u0007.com",
        "evil\u202Efdp.exe",
        "\uD800.com",
        "",
        "   ",
      ];
      for (const v of hostile) expect(checkIocValue(type, v).ok, JSON.stringify(v.slice(0, 40))).toBe(false);
      for (const v of [null, undefined, 42, {}, ["a.com"]]) expect(checkIocValue(type, v).ok).toBe(false);
    },
  );

  it("says what is wrong: length, characters, shape", () => {
    expect(checkIocValue("url", "a".repeat(10_000))).toMatchObject({
      message: expect.stringMatching(/最多 2048/),
    });
    expect(checkIocValue("domain", "a\u0000.com")).toMatchObject({
      message: expect.stringMatching(/控制字符/),
    });
    expect(checkIocValue("ipv4", "1.2.3")).toMatchObject({ message: expect.stringMatching(/IPv4 地址/) });
  });
});
