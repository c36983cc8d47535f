import { describe, expect, it } from "vitest";
import { checkTokens } from "./check-tokens";

/** "code:severity" of each finding, sorted, so a table row states exactly what is reported. */
const codes = (source: string, target: string) =>
  checkTokens("s1", source, target)
    .map((f) => `${f.code}:${f.severity}`)
    .sort();

describe("checkTokens: tokens carried exactly", () => {
  it.each([
    ["a CVE kept", "Patch CVE-2024-3400 now.", "请立即修补 CVE-2024-3400。"],
    ["a CVE in lower case", "cve-2024-3400 is exploited.", "CVE-2024-3400 已遭利用。"],
    ["a CVE in full-width characters", "CVE-2024-3400 is exploited.", "ＣＶＥ－２０２４－３４００已遭利用。"],
    ["a CVE with a non-breaking hyphen", "CVE‑2024‑21412 was fixed.", "CVE-2024-21412 已修复。"],
    [
      "a hash in upper case",
      "SHA256 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
      "SHA256 值为 E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855",
    ],
    [
      "a defanged URL fanged in the target",
      "It downloads hxxps://evil[.]example[.]com/payload.bin.",
      "它会下载 https://evil.example.com/payload.bin。",
    ],
    [
      "a fanged URL defanged in the target",
      "Stage two is at https://cdn.badhost.net/s2.",
      "第二阶段载荷位于 hxxps[:]//cdn[.]badhost[.]net/s2。",
    ],
    ["a defanged domain with (.)", "The C2 is update-check(.)top.", "C2 服务器为 update-check.top。"],
    ["a defanged IPv4", "Traffic went to 185.220.101[.]42.", "流量发往 185.220.101.42。"],
    ["an IPv6 written differently", "It beacons to 2001:db8:0:0:0:0:0:1.", "它向 2001:db8::1 发送信标。"],
    [
      "a Windows path in a Chinese sentence",
      "It drops C:\\Users\\Public\\svchost.exe.",
      "它会释放C:\\Users\\Public\\svchost.exe文件。",
    ],
    [
      "a Unix path",
      "It edits /etc/ld.so.preload for persistence.",
      "它通过修改 /etc/ld.so.preload 实现持久化。",
    ],
    ["inline code", "Run `Get-MpComputerStatus` to check.", "运行 `Get-MpComputerStatus` 进行检查。"],
    ["a version with -rc1", "Upgrade to 1.2.3-rc1 or later.", "请升级到 1.2.3-rc1 或更高版本。"],
    ["a version with a v written without it", "Fixed in v2.0.", "已在 2.0 版中修复。"],
    [
      "a CVSS vector",
      "Vector: CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
      "向量：CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
    ],
    ["a CVSS score", "It has a CVSS score of 9.8.", "其 CVSS 评分为 9.8。"],
    ["a CVSS 10.0 written as 10", "Rated CVSS 10.0 by the vendor.", "厂商给出的 CVSS 评分为 10 分。"],
    ["full-width digits", "Over 123 servers were hit.", "超过１２３台服务器受到攻击。"],
    ["a thousands separator", "1,234 accounts leaked.", "共有 1234 个账户泄露。"],
    ["a decimal", "Losses reached 1.5 percent.", "损失达到 1.5%。"],
    ["a million as 万", "1.2 million users were affected.", "120万用户受到影响。"],
    ["a billion as 亿", "The gang earned $3.5 billion.", "该团伙获利 35亿 美元。"],
    ["an $M suffix", "A $4.5M ransom was paid.", "赎金为 450万 美元。"],
    ["a percentage", "45% of victims paid.", "45%的受害者支付了赎金。"],
    ["a percentage in words", "45% of victims paid.", "百分之四十五的受害者支付了赎金。"],
    ["a small count in Chinese words", "3 flaws were chained.", "三个漏洞被串联利用。"],
    ["twelve in Chinese words", "12 vendors are affected.", "十二家厂商受到影响。"],
    ["one hundred in Chinese words", "100 organisations", "一百家机构"],
    ["an ordinal", "the 2nd stage", "第二阶段"],
    [
      "a number glued to a name",
      "APT29 used Log4j and 2FA bypasses.",
      "APT 组织利用了日志组件与双因素认证绕过。",
    ],
    ["a clause comma before full-width digits", "3 hosts, 123 files", "三台主机，１２３个文件"],
    [
      "a domain in brackets at the end of a sentence",
      "Block evil-updates.com.",
      "请封锁该域名（evil-updates.com）。",
    ],
    [
      "a domain of an e-mail address",
      "Phishing came from billing@paypa1-support.com.",
      "钓鱼邮件来自 billing@paypa1-support.com。",
    ],
    ["a date range", "between 2020-2024", "2020 年至 2024 年间"],
  ])("does not flag %s", (_, source, target) => {
    expect(codes(source, target)).toEqual([]);
  });

  it.each([
    ["a mistyped CVE", "Patch CVE-2024-3400.", "修补 CVE-2024-3040。", ["cve:error"]],
    ["a dropped CVE", "Patch CVE-2024-3400 and CVE-2024-3401.", "修补 CVE-2024-3400。", ["cve:error"]],
    ["a CVE the source lacks", "Patch the firewall.", "修补防火墙漏洞 CVE-2024-3400。", ["cve:error"]],
    ["a CVE one digit short", "CVE-2024-34000", "CVE-2024-3400", ["cve:error"]],
    [
      "a changed hash",
      "MD5 d41d8cd98f00b204e9800998ecf8427e",
      "MD5 d41d8cd98f00b204e9800998ecf8427f",
      ["hash:error"],
    ],
    ["a dropped SHA1", "SHA1 da39a3ee5e6b4b0d3255bfef95601890afd80709", "SHA1 值见上文", ["hash:error"]],
    ["a changed IPv4", "Traffic went to 185.220.101.42.", "流量发往 185.220.101.24。", ["ip:error"]],
    ["a changed IPv6", "It beacons to 2001:db8::1.", "它向 2001:db8::2 发送信标。", ["ip:error"]],
    ["a changed defanged URL", "hxxp://evil[.]com/a", "http://evil.com/b", ["url:error"]],
    [
      "a URL where the source names only a domain",
      "The portal example.org was cloned.",
      "攻击者克隆了 https://example.org 门户。",
      ["url:error"],
    ],
    ["a subdomain added to a domain", "Blocks evil.com.", "封锁 notevil.com。", ["domain:error"]],
    ["a changed Windows path", "C:\\Windows\\Temp\\a.exe", "C:\\Windows\\Tmp\\a.exe", ["path:error"]],
    ["dropped inline code", "Run `whoami /all`.", "运行该命令。", ["code:error"]],
    ["a dropped -rc1", "Upgrade to 1.2.3-rc1.", "请升级到 1.2.3。", ["version:error"]],
    ["a changed version", "Fixed in 10.2.9.", "已在 10.2.8 中修复。", ["version:error"]],
    ["a changed CVSS score", "CVSS score of 9.8", "CVSS 评分为 9.9", ["cvss:error"]],
    [
      "a changed CVSS vector",
      "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
      "CVSS:3.1/AV:L/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
      ["cvss:error"],
    ],
    ["a wrong count", "Over 123 servers were hit.", "超过１３２台服务器受到攻击。", ["number:warning"]],
    ["a million as 12万", "1.2 million users", "12万用户", ["number:warning"]],
    ["a wrong percentage", "45% of victims", "百分之五十四的受害者", ["number:warning"]],
    [
      "a CVE and a hash wrong together",
      "CVE-2024-3400 d41d8cd98f00b204e9800998ecf8427e",
      "CVE-2024-3401 d41d8cd98f00b204e9800998ecf8427f",
      ["cve:error", "hash:error"],
    ],
  ])("flags %s", (_, source, target, expected) => {
    expect(codes(source, target)).toEqual(expected);
  });

  it("reports a mismatch once, naming both tokens", () => {
    const [f, ...rest] = checkTokens("seg-9", "Patch CVE-2024-3400.", "修补 CVE-2024-3040。");
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      code: "cve",
      segmentId: "seg-9",
      source: "CVE-2024-3400",
      target: "CVE-2024-3040",
    });
    expect(f!.message).toContain("CVE-2024-3400");
    expect(f!.message).toContain("CVE-2024-3040");
  });
});
