import { describe, expect, it } from "vitest";
import { defangIoc, refang } from "./defang";
import { detectIoc } from "./detect";
import { IOC_TYPES, type IocType, isNetworkType } from "./types";
import { normalizeIocValue } from "./validate";

// normalised values of every type: IDN and punycode, compressed and full IPv6, URLs with ports and userinfo
const samples: Record<IocType, string[]> = {
  ipv4: ["192.0.2.1", "10.0.0.255"],
  ipv6: ["2001:db8::1", "::1", "::", "fe80::1:2", "2001:db8:1:2:3:4:5:6", "::ffff:c000:201"],
  domain: ["evil.example.com", "例子.中国", "xn--fsqu00a.xn--fiqs8s", "bücher.de", "a-b.co.uk"],
  url: [
    "http://evil.example/a.php?x=1",
    "https://例子.中国/下载/a.exe",
    "https://user@198.51.100.7:8443/c2",
    "http://[2001:db8::1]:8080/x",
    "ftp://files.example.net/p.zip",
    "https://xn--fsqu00a.xn--fiqs8s/",
  ],
  email: ["phish@example.com", "a.b+c@例子.中国"],
  md5: ["d41d8cd98f00b204e9800998ecf8427e"],
  sha1: ["da39a3ee5e6b4b0d3255bfef95601890afd80709"],
  sha256: ["e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"],
  filename: ["invoice.exe", "报价单.docm", "setup (1).msi"],
  regkey: ["HKLM\\Software\\Microsoft\\Windows\\CurrentVersion\\Run"],
  cve: ["CVE-2024-3094"],
};

describe("defang and refang", () => {
  it.each(IOC_TYPES)(
    "%s: refang(defang(v)) is v, and defanging a network value leaves nothing to follow",
    (type) => {
      for (const value of samples[type]) {
        expect(normalizeIocValue(type, value), `sample ${value} is normalised`).toBe(value);
        const defanged = defangIoc(type, value);
        expect(refang(defanged)).toBe(value);
        if (isNetworkType(type)) {
          expect(defanged).not.toBe(value);
          // no longer an address of any network type: nothing a client would turn into a link
          expect(defanged).not.toMatch(/^(https?|ftp):/i);
          for (const t of IOC_TYPES.filter(isNetworkType))
            expect(normalizeIocValue(t, defanged), t).toBeNull();
          // what a pasted defanged value turns back into: the same type and value
          expect(detectIoc(refang(defanged))).toEqual({ type, value });
        } else expect(defanged).toBe(value);
      }
    },
  );

  it("uses the usual conventions", () => {
    expect(defangIoc("url", "https://evil.example/a.php")).toBe("hxxps://evil[.]example/a.php");
    expect(defangIoc("url", "http://u@1.2.3.4/")).toBe("hxxp://u[@]1[.]2[.]3[.]4/");
    expect(defangIoc("url", "ftp://a.b.c/")).toBe("fxp://a[.]b[.]c/");
    expect(defangIoc("email", "a.b@evil.com")).toBe("a.b[@]evil[.]com");
    expect(defangIoc("ipv6", "2001:db8::1")).toBe("2001[:]db8[:][:]1");
    expect(defangIoc("domain", "例子.中国")).toBe("例子[.]中国");
  });

  it("refangs the variants people write", () => {
    expect(refang("hXXps[://]evil(.)example{.}com/x")).toBe("https://evil.example.com/x");
    expect(refang("hxxp://evil[dot]com")).toBe("http://evil.com");
    expect(refang("name[at]evil(dot)com")).toBe("name@evil.com");
    expect(refang("name [at] evil [dot] com")).toBe("name@evil.com");
    expect(refang("fxp://a[.]b")).toBe("ftp://a.b");
    expect(refang("2001[:]db8[:][:]1")).toBe("2001:db8::1");
    // only a scheme is a scheme: "hxxp" inside a path is left alone
    expect(refang("http://a.com/hxxp")).toBe("http://a.com/hxxp");
  });
});
