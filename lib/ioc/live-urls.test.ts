import { describe, expect, it } from "vitest";
import { findLiveIocUrls } from "./live-urls";

const block = (text: string, hrefs: string[] = []) => ({ text, hrefs });

describe("findLiveIocUrls", () => {
  it("warns about live URLs that look malicious, and says why", () => {
    const found = findLiveIocUrls([
      block("样本从 http://198.51.100.7:8080/a.exe 下载。"),
      block("钓鱼页面位于 https://login-secure.example/verify，请勿访问"),
      block("见 https://update.example.top/x。", ["https://cdn.example.xyz/p.ps1"]),
    ]);
    expect(found).toEqual([
      {
        url: "http://198.51.100.7:8080/a.exe",
        reasons: ["主机是 IP 地址", "使用非常见端口", "指向可执行文件、脚本或宏文档"],
      },
      { url: "https://login-secure.example/verify", reasons: ["所在段落提到恶意活动"] },
      { url: "https://update.example.top/x", reasons: ["使用常被滥用的顶级域名"] },
      {
        url: "https://cdn.example.xyz/p.ps1",
        reasons: ["指向可执行文件、脚本或宏文档", "使用常被滥用的顶级域名"],
      },
    ]);
  });

  it("leaves ordinary references and defanged values alone", () => {
    expect(
      findLiveIocUrls([
        block("详见 https://nvd.nist.gov/vuln/detail/CVE-2024-3094 与厂商公告。", ["https://www.cve.org/"]),
        block("C2 地址为 hxxp://198.51.100[.]7/gate.php"),
        block("内部链接", ["/posts/abc", "mailto:tips@example.com"]),
      ]),
    ).toEqual([]);
  });

  it("names a URL once, however often it appears", () => {
    const b = block("恶意 http://evil.example/ 与 http://evil.example/", ["http://evil.example/"]);
    expect(findLiveIocUrls([b, b])).toHaveLength(1);
  });
});
