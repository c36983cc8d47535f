import { describe, expect, it } from "vitest";
import { createTermMatcher } from "@/lib/translation/glossary/match";
import type { WorkSegment } from "@/lib/translation/types";
import { glossaryTerms } from "@/prisma/seed/data/glossary-terms";
import { checkTranslation } from "./index";

// The seeded termbase and ten paragraphs the way our desk translates them: a correct translation
// must come back clean, or translators learn to ignore the panel.
const matcher = createTermMatcher(
  glossaryTerms.map((g, i) => ({
    id: i + 1,
    source: g.source,
    target: g.target ?? "",
    variants: g.variants ?? [],
    doNotTranslate: g.doNotTranslate ?? false,
    note: "",
  })),
);
const pairs: [string, string][] = [
  [
    "On March 5, 2024, Palo Alto Networks warned that a zero-day in PAN-OS, tracked as CVE-2024-3400 (CVSS score: 10.0), was being exploited in the wild.",
    "2024年3月5日，Palo Alto Networks 警告称，PAN-OS 中一个编号为 CVE-2024-3400（CVSS 评分：10.0）的零日漏洞已遭在野利用。",
  ],
  [
    "The threat actor, which Volexity tracks as UTA0218, deployed a Python backdoor called UPSTYLE on 22 devices between April 10 and April 12.",
    "Volexity 将该威胁行为者追踪为 UTA0218，其在4月10日至4月12日期间在22台设备上部署了名为 UPSTYLE 的 Python 后门。",
  ],
  [
    "LockBit affiliates have hit more than 2,000 victims worldwide and extorted over $120 million in ransom payments, the U.S. Department of Justice said.",
    "美国司法部表示，LockBit 的附属成员已在全球攻击了2000多名受害者，勒索赎金超过1.2亿美元。",
  ],
  [
    "Administrators should upgrade to versions 10.2.9-h1, 11.0.4-h1 or 11.1.2-h3, or disable device telemetry as a workaround.",
    "管理员应升级到 10.2.9-h1、11.0.4-h1 或 11.1.2-h3 版本，或禁用设备遥测作为临时解决方案。",
  ],
  [
    "The malware beacons to 172.233.228[.]93 and downloads a second-stage payload from hxxp://nhdata.s3-us-west-2.amazonaws[.]com/update.py every 60 seconds.",
    "该恶意软件会向 172.233.228.93 发送信标，并每60秒从 hxxp://nhdata.s3-us-west-2.amazonaws[.]com/update.py 下载第二阶段载荷。",
  ],
  [
    "About 45% of the 1.2 million exposed instances are in the U.S., according to Shadowserver's scans.",
    "根据 Shadowserver 的扫描结果，在120万个暴露实例中，约有45%位于美国。",
  ],
  [
    "Microsoft's Patch Tuesday for May fixes 61 flaws, three of them zero-days, including CVE-2024-30051 in the DWM Core Library.",
    "微软5月的补丁星期二修复了61个漏洞，其中三个为零日漏洞，包括 DWM 核心库中的 CVE-2024-30051。",
  ],
  [
    "It then runs `whoami /priv` and dumps credentials from LSASS with Mimikatz (SHA-256: 61c0810a23580cf492a6ba4f7654566108331e7a4134c968c2d6a05261b2d8a1).",
    "随后它会运行 `whoami /priv`，并用 Mimikatz 从 LSASS 中转储凭据（SHA-256：61c0810a23580cf492a6ba4f7654566108331e7a4134c968c2d6a05261b2d8a1）。",
  ],
  [
    "The group, active since at least 2019, is also known as Storm-0558.",
    "该组织至少从2019年起就开始活动，又名 Storm-0558。",
  ],
  [
    "Over the past 24 hours, the botnet grew from 15K to 40K devices, peaking at 1.3 Tbps.",
    "在过去24小时内，该僵尸网络的规模从1.5万台设备增长到4万台，峰值达到1.3 Tbps。",
  ],
  [
    "Attackers exploit the flaw to gain root privileges on 3 out of 4 devices tested, according to researchers at watchTowr.",
    "watchTowr 的研究人员称，攻击者利用该漏洞，可在测试的4台设备中的3台上获得 root 权限。",
  ],
  [
    "The 1990s-era protocol, still used by nearly 900,000 servers, was patched in iOS 17.4.1 and macOS 14.4.1 (see https://support.apple.com/en-us/HT214096).",
    "近90万台服务器仍在使用这一上世纪90年代的协议，苹果已在 iOS 17.4.1 和 macOS 14.4.1 中修补了该问题（见 https://support.apple.com/en-us/HT214096）。",
  ],
];

const segments = (targets: string[]): WorkSegment[] =>
  pairs.map(([sourceText], i) => ({
    id: `p${i}`,
    position: i,
    kind: "PARAGRAPH",
    sourceText,
    targetText: targets[i]!,
    status: "TRANSLATED",
    machineFilled: false,
    version: 1,
  }));

describe("QA on a realistic article", () => {
  it("finds nothing in a correct translation", () => {
    expect(checkTranslation(segments(pairs.map(([, t]) => t)), { matcher, stage: "publish" })).toEqual([]);
  });

  it("finds exactly the slips made in it", () => {
    const targets = pairs.map(([, t]) => t);
    targets[0] = targets[0]!.replace("CVE-2024-3400", "CVE-2024-3040").replace("10.0", "9.8");
    targets[2] = targets[2]!.replace("附属成员", "联盟伙伴");
    targets[3] = targets[3]!.replace("11.1.2-h3", "11.1.2-h4");
    targets[4] = targets[4]!.replace("172.233.228.93", "172.233.228.39").replace("每60秒", "每十秒");
    targets[5] = targets[5]!.replace("120万", "12万");
    targets[7] = targets[7]!.replace("d8a1", "d8a2").replace("Mimikatz", "咪咪卡兹").replace("）。", "。");
    const found = checkTranslation(segments(targets), { matcher, stage: "publish" });
    expect(found.map((f) => `${f.segmentId}:${f.code}:${f.severity}`)).toEqual([
      "p0:cve:error",
      "p0:cvss:error",
      "p2:glossary:warning",
      "p3:version:error",
      "p4:ip:error",
      "p4:number:warning",
      "p5:number:warning",
      "p7:hash:error",
      "p7:do-not-translate:warning",
      "p7:brackets:warning",
    ]);
  });

  it("checks a 200-segment article (figure printed, not asserted)", () => {
    const one = segments(pairs.map(([, t]) => t));
    const article = Array.from({ length: 20 }, (_, k) =>
      one.map((s) => ({ ...s, id: `${s.id}-${k}`, position: k * one.length + s.position })),
    ).flat();
    for (let i = 0; i < 3; i++) checkTranslation(article, { matcher, stage: "publish" });
    const runs = 10;
    const t0 = performance.now();
    for (let i = 0; i < runs; i++) checkTranslation(article, { matcher, stage: "publish" });
    const ms = (performance.now() - t0) / runs;
    console.log(
      `QA: ${ms.toFixed(1)} ms for ${article.length} segments, ${glossaryTerms.length} glossary terms`,
    );
    expect(checkTranslation(article, { matcher, stage: "publish" })).toEqual([]);
  });
});
