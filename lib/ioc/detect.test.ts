import { describe, expect, it } from "vitest";
import { detectIoc } from "./detect";

describe("detectIoc", () => {
  it.each([
    ["CVE-2024-3094", "cve", "CVE-2024-3094"],
    ["cve-2021-44228", "cve", "CVE-2021-44228"],
    [
      "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855",
      "sha256",
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    ],
    ["da39a3ee5e6b4b0d3255bfef95601890afd80709", "sha1", "da39a3ee5e6b4b0d3255bfef95601890afd80709"],
    ["d41d8cd98f00b204e9800998ecf8427e", "md5", "d41d8cd98f00b204e9800998ecf8427e"],
    ["203.0.113.9", "ipv4", "203.0.113.9"],
    ["2001:DB8:0:0::1", "ipv6", "2001:db8::1"],
    ["https://evil.example/x", "url", "https://evil.example/x"],
    ["phish@evil.example", "email", "phish@evil.example"],
    ["HKCU\\Software\\Run", "regkey", "HKCU\\Software\\Run"],
    ["dropper.exe", "filename", "dropper.exe"],
    ["invoice.zip", "filename", "invoice.zip"],
    ["update.evil.com", "domain", "update.evil.com"],
    ["例子.中国", "domain", "例子.中国"],
    ["xn--fsqu00a.xn--fiqs8s", "domain", "xn--fsqu00a.xn--fiqs8s"],
    ["mirror.example.pl", "domain", "mirror.example.pl"],
  ])("%s is %s", (input, type, value) => {
    expect(detectIoc(input)).toEqual({ type, value });
  });

  it("classifies nothing it cannot name", () => {
    for (const v of [
      "C2",
      "server",
      "",
      "javascript:alert(1)",
      "<b>x</b>",
      "1.2.3",
      "a".repeat(10_000),
      "evil\u0000.com",
    ])
      expect(detectIoc(v), v.slice(0, 20)).toBeNull();
  });
});
