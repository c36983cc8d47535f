/**
 * npm run bench:memory — translation-memory lookup latency over 100,000 stored segment pairs.
 * Fills (once) the database byline_bench_memory with pairs generated from security-news sentence
 * templates, so stored sources share skeletons and names the way real coverage does and trigram
 * neighbourhoods are crowded, then times the real lookup service for exact, near and unrelated
 * segments. Also compares the service's top matches with an exhaustive scan, to show what the
 * trigram threshold and the candidate cut-off lose. Prints figures; asserts nothing.
 */
import os from "node:os";
import pg from "pg";
import type { Actor } from "@/lib/authz";
import { Prisma } from "@/lib/generated/prisma/client";
import { normalizeSource, pairHash } from "@/lib/translation/memory/normalize";
import { fuzzyScore } from "@/lib/translation/memory/score";

const TARGET = Number(process.env.BENCH_MEMORY_ROWS ?? 100_000);
const LOOKUPS = { exact: 80, near: 80, unrelated: 40 };
// near lookups compared with a full scan (each reads all rows: slow by design)
const EXHAUSTIVE = Number(process.env.BENCH_MEMORY_EXHAUSTIVE ?? 20);

// mulberry32: deterministic, so every run measures the same corpus and queries
let seed = 7;
const rand = (n: number) => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) % n;
};
const pick = <T>(a: readonly T[]): T => a[rand(a.length)]!;

const ACTORS = [
  "Lazarus Group",
  "APT29",
  "Volt Typhoon",
  "Scattered Spider",
  "FIN7",
  "Sandworm",
  "Kimsuky",
  "APT41",
  "Midnight Blizzard",
  "TA505",
  "Salt Typhoon",
  "Charming Kitten",
  "Turla",
  "MuddyWater",
  "Gamaredon",
  "UNC3886",
];
const MALWARE = [
  "LockBit",
  "BlackCat",
  "Cl0p",
  "Akira",
  "Play",
  "Black Basta",
  "Qakbot",
  "Emotet",
  "IcedID",
  "Lumma Stealer",
  "RedLine",
  "Cobalt Strike",
  "PlugX",
  "ShadowPad",
  "DarkGate",
  "Pikabot",
  "BianLian",
  "Medusa",
  "Rhysida",
  "SmokeLoader",
];
const PRODUCTS = [
  "Ivanti Connect Secure",
  "Fortinet FortiOS",
  "Palo Alto Networks PAN-OS",
  "Citrix NetScaler ADC",
  "Microsoft Exchange Server",
  "VMware ESXi",
  "Atlassian Confluence",
  "Progress MOVEit Transfer",
  "Cisco IOS XE",
  "SonicWall SMA",
  "Apache Struts",
  "Jenkins",
  "GitLab",
  "Zimbra Collaboration",
  "Veeam Backup & Replication",
  "Juniper Junos OS",
  "F5 BIG-IP",
  "Oracle WebLogic Server",
  "Google Chrome",
  "Apple iOS",
  "the Linux kernel",
  "OpenSSH",
  "Windows SMB",
  "Confluence Data Center",
];
const SECTORS: [string, string][] = [
  ["healthcare providers", "医疗机构"],
  ["hospitals", "医院"],
  ["universities", "高校"],
  ["local governments", "地方政府"],
  ["manufacturers", "制造企业"],
  ["telecommunications companies", "电信公司"],
  ["financial institutions", "金融机构"],
  ["law firms", "律师事务所"],
  ["energy utilities", "能源公司"],
  ["retailers", "零售商"],
  ["defense contractors", "国防承包商"],
  ["water utilities", "供水企业"],
  ["schools", "学校"],
];
const COUNTRIES: [string, string][] = [
  ["the United States", "美国"],
  ["Germany", "德国"],
  ["Japan", "日本"],
  ["South Korea", "韩国"],
  ["the United Kingdom", "英国"],
  ["Australia", "澳大利亚"],
  ["Canada", "加拿大"],
  ["France", "法国"],
  ["Ukraine", "乌克兰"],
  ["Taiwan", "台湾地区"],
  ["India", "印度"],
  ["Brazil", "巴西"],
];
const AGENCIES = [
  "CISA",
  "the FBI",
  "the NSA",
  "Europol",
  "the UK's NCSC",
  "Germany's BSI",
  "JPCERT/CC",
  "the Australian Cyber Security Centre",
  "the Justice Department",
];
const FLAWS: [string, string][] = [
  ["remote code execution", "远程代码执行"],
  ["SQL injection", "SQL 注入"],
  ["authentication bypass", "身份验证绕过"],
  ["path traversal", "路径遍历"],
  ["server-side request forgery", "服务端请求伪造"],
  ["privilege escalation", "权限提升"],
  ["command injection", "命令注入"],
  ["deserialization", "反序列化"],
  ["cross-site scripting", "跨站脚本"],
  ["out-of-bounds write", "越界写入"],
  ["use-after-free", "释放后使用"],
  ["heap overflow", "堆溢出"],
];
const DAYS: [string, string][] = [
  ["Monday", "周一"],
  ["Tuesday", "周二"],
  ["Wednesday", "周三"],
  ["Thursday", "周四"],
  ["Friday", "周五"],
];
const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

const cve = () => `CVE-${2021 + rand(5)}-${1000 + rand(49_000)}`;
const cvss = () => `${5 + rand(5)}.${rand(10)}`;
const version = () => `${1 + rand(20)}.${rand(10)}.${rand(30)}`;
const count = () =>
  rand(3) === 0 ? String(10 + rand(990)) : (1000 + rand(5_000_000)).toLocaleString("en-US");

/** One English sentence and its Chinese, from the kind of paragraph security news is made of. */
const TEMPLATES: (() => [string, string])[] = [
  () => {
    const [a, c, p] = [pick(ACTORS), cve(), pick(PRODUCTS)];
    return [
      `${a} has been exploiting ${c} in ${p} since at least ${pick(MONTHS)}, researchers said.`,
      `研究人员称，${a} 至少从${rand(12) + 1}月起就在利用 ${p} 中的 ${c}。`,
    ];
  },
  () => {
    const [f, p, c, s] = [pick(FLAWS), pick(PRODUCTS), cve(), cvss()];
    return [
      `The ${f[0]} flaw in ${p}, tracked as ${c}, carries a CVSS score of ${s}.`,
      `${p} 中的${f[1]}漏洞编号为 ${c}，CVSS 评分为 ${s}。`,
    ];
  },
  () => {
    const [m, s, n] = [pick(MALWARE), pick(SECTORS), count()];
    return [
      `The ${m} ransomware gang claimed to have stolen data on ${n} patients from ${s[0]}.`,
      `${m} 勒索软件团伙声称从${s[1]}窃取了 ${n} 名患者的数据。`,
    ];
  },
  () => {
    const [g, c, d] = [pick(AGENCIES), cve(), pick(DAYS)];
    return [
      `${g} added ${c} to its Known Exploited Vulnerabilities catalog on ${d[0]}.`,
      `${g} 于${d[1]}将 ${c} 加入其已知被利用漏洞目录。`,
    ];
  },
  () => {
    const [p, v] = [pick(PRODUCTS), version()];
    return [
      `Administrators should upgrade ${p} to version ${v} or later as soon as possible.`,
      `管理员应尽快将 ${p} 升级到 ${v} 或更高版本。`,
    ];
  },
  () => {
    const [a, k] = [pick(ACTORS), pick(COUNTRIES)];
    return [
      `${a} is a state-sponsored threat actor linked to ${k[0]}.`,
      `${a} 是一个与${k[1]}有关联的国家支持的威胁行为者。`,
    ];
  },
  () => {
    const [m, n] = [pick(MALWARE), count()];
    return [
      `${m} infected more than ${n} devices before the botnet was taken down.`,
      `在僵尸网络被摧毁之前，${m} 已感染超过 ${n} 台设备。`,
    ];
  },
  () => {
    const [s, d] = [pick(SECTORS), pick(DAYS)];
    return [
      `The company said on ${d[0]} that it had found no evidence that data belonging to ${s[0]} was accessed.`,
      `该公司${d[1]}表示，没有发现${s[1]}的数据被访问的证据。`,
    ];
  },
  () => {
    const [g, m, k] = [pick(AGENCIES), pick(MALWARE), pick(COUNTRIES)];
    return [
      `${g} and partners in ${k[0]} seized servers used by the ${m} operation.`,
      `${g} 与${k[1]}的合作伙伴查封了 ${m} 行动使用的服务器。`,
    ];
  },
  () => {
    const [p, f] = [pick(PRODUCTS), pick(FLAWS)];
    return [
      `A proof-of-concept exploit for the ${f[0]} bug in ${p} was published on GitHub.`,
      `${p} 中${f[1]}漏洞的概念验证利用代码已在 GitHub 上发布。`,
    ];
  },
  () => {
    const [a, s] = [pick(ACTORS), pick(SECTORS)];
    return [
      `${a} used spear-phishing emails to gain initial access to ${s[0]} networks.`,
      `${a} 利用鱼叉式网络钓鱼邮件获得了${s[1]}网络的初始访问权限。`,
    ];
  },
  () => {
    const [m, p] = [pick(MALWARE), pick(PRODUCTS)];
    return [
      `Affiliates of ${m} have targeted unpatched ${p} instances to deploy the encryptor.`,
      `${m} 的附属成员针对未打补丁的 ${p} 实例部署加密程序。`,
    ];
  },
  () => {
    const [n, k] = [count(), pick(COUNTRIES)];
    return [
      `Shodan shows about ${n} exposed instances, most of them in ${k[0]}.`,
      `Shodan 显示约有 ${n} 个暴露的实例，其中大部分位于${k[1]}。`,
    ];
  },
  () => {
    const [p, c] = [pick(PRODUCTS), cve()];
    return [
      `There is no workaround for ${c}, and customers running ${p} must apply the patch.`,
      `${c} 没有临时缓解方案，运行 ${p} 的客户必须安装补丁。`,
    ];
  },
  () => {
    const [a, m] = [pick(ACTORS), pick(MALWARE)];
    return [
      `Researchers attributed the campaign to ${a} with moderate confidence, citing overlaps with earlier ${m} activity.`,
      `研究人员以中等置信度将该活动归因于 ${a}，理由是其与此前的 ${m} 活动存在重叠。`,
    ];
  },
  () => {
    const [g, n] = [pick(AGENCIES), count()];
    return [
      `${g} said the scheme had defrauded victims of more than $${n} million.`,
      `${g} 表示，该骗局已骗取受害者超过 ${n} 百万美元。`,
    ];
  },
  () => {
    const [m, d] = [pick(MALWARE), pick(DAYS)];
    return [
      `The ${m} leak site listed the company as a victim on ${d[0]}, threatening to publish the files.`,
      `${m} 泄露网站于${d[1]}将该公司列为受害者，并威胁公开文件。`,
    ];
  },
  () => {
    const [p, f, c] = [pick(PRODUCTS), pick(FLAWS), cve()];
    return [
      `An unauthenticated attacker could exploit ${c} to achieve ${f[0]} on ${p} appliances.`,
      `未经身份验证的攻击者可利用 ${c} 在 ${p} 设备上实现${f[1]}。`,
    ];
  },
  () => {
    const [s, k] = [pick(SECTORS), pick(COUNTRIES)];
    return [
      `Several ${s[0]} in ${k[0]} were forced to divert ambulances after the attack.`,
      `攻击发生后，${k[1]}的多家${s[1]}被迫转移救护车。`,
    ];
  },
  () => {
    const [a, p] = [pick(ACTORS), pick(PRODUCTS)];
    return [
      `${a} deployed custom web shells on compromised ${p} servers to maintain persistence.`,
      `${a} 在被入侵的 ${p} 服务器上部署了定制的 Web Shell 以保持持久化。`,
    ];
  },
  () => {
    const [m] = [pick(MALWARE)];
    return [
      `${m} is distributed through malicious advertisements that impersonate popular software downloads.`,
      `${m} 通过冒充热门软件下载的恶意广告传播。`,
    ];
  },
  () => {
    const [g, c, m] = [pick(AGENCIES), cve(), pick(MONTHS)];
    return [
      `Federal agencies must patch ${c} by ${m} ${1 + rand(28)} under a binding operational directive issued by ${g}.`,
      `根据 ${g} 发布的约束性操作指令，联邦机构必须在 ${m} ${1 + rand(28)} 日前修补 ${c}。`,
    ];
  },
  () => {
    const [n, s] = [count(), pick(SECTORS)];
    return [
      `The breach exposed names, Social Security numbers and medical records of ${n} people served by ${s[0]}.`,
      `此次泄露暴露了${s[1]}服务的 ${n} 人的姓名、社会安全号码和医疗记录。`,
    ];
  },
  () => {
    const [p, v, c] = [pick(PRODUCTS), version(), cve()];
    return [
      `Version ${v} of ${p} fixes ${c} along with ${2 + rand(20)} other security issues.`,
      `${p} ${v} 版本修复了 ${c} 以及其他 ${2 + rand(20)} 个安全问题。`,
    ];
  },
];

const actor: Actor = {
  id: "bench",
  role: "TRANSLATOR",
  status: "ACTIVE",
  displayName: "bench",
  publicId: "bench",
};

async function fill(client: pg.Client, rows: number) {
  console.log(`generating ${rows.toLocaleString("en-US")} segment pairs…`);
  const now = Date.now();
  let written = 0;
  while (written < rows) {
    const batch = Math.min(5_000, rows - written);
    const cols: string[][] = [[], [], [], [], []];
    const dates: Date[] = [];
    for (let i = 0; i < batch; i++) {
      const [source, target] = pick(TEMPLATES)();
      const norm = normalizeSource(source);
      cols[0]!.push(source);
      cols[1]!.push(target);
      cols[2]!.push(norm);
      cols[3]!.push(pairHash(norm, target));
      dates.push(new Date(now - rand(730) * 86_400_000));
    }
    const r = await client.query(
      `INSERT INTO translation_memory (id, "sourceText", "targetText", "sourceNorm", "pairHash", "createdAt", "updatedAt")
       SELECT gen_random_uuid()::text, s, t, n, h, d, d FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[]) AS u(s, t, n, h, d)
       ON CONFLICT ("pairHash") DO NOTHING`,
      [cols[0], cols[1], cols[2], cols[3], dates],
    );
    written += r.rowCount ?? 0;
    process.stdout.write(`\r  ${written.toLocaleString("en-US")}/${rows.toLocaleString("en-US")}`);
  }
  process.stdout.write("\n");
}

/** A stored source with one to three words replaced, dropped or added: a "fuzzy match" in the making. */
function nearVariant(source: string): string {
  const words = source.split(" ");
  const extra = ["new", "critical", "also", "recently", "widely", "Microsoft", "2024", "attackers", "the"];
  for (let edits = 1 + rand(3); edits > 0; edits--) {
    const i = rand(words.length);
    const kind = rand(3);
    if (kind === 0) words[i] = pick(extra);
    else if (kind === 1 && words.length > 6) words.splice(i, 1);
    else words.splice(i, 0, pick(extra));
  }
  return words.join(" ");
}

const UNRELATED = [
  "The recipe calls for two cups of flour and a pinch of salt.",
  "Our quarterly revenue grew by eight percent compared with last year.",
  "The match was postponed because of heavy rain in the afternoon.",
  "She moved to Lisbon to study architecture at the university.",
  "Please remember to water the plants while I am away on holiday.",
  "The museum will reopen next spring after a long renovation.",
  "Traffic on the bridge was slow during the morning commute.",
  "He has been playing the violin since he was five years old.",
  "Interest rates are expected to remain unchanged this quarter.",
  "The orchestra performed a new symphony by a young composer.",
];
const unrelatedQuery = (i: number) => {
  const s = UNRELATED[i % UNRELATED.length]!;
  return i < UNRELATED.length
    ? s
    : `${s} ${pick(["Meanwhile,", "Also", "Indeed"])} ${pick(UNRELATED).toLowerCase()}`;
};

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
const fmt = (ms: number) => ms.toFixed(1).padStart(8);

async function main() {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  const { rows } = await client.query(`SELECT count(*)::int AS n FROM translation_memory`);
  if (rows[0].n < TARGET) await fill(client, TARGET - rows[0].n);
  await client.query("VACUUM ANALYZE translation_memory");
  const sample = await client.query<{ sourceText: string }>(
    `SELECT "sourceText" FROM translation_memory ORDER BY md5(id) LIMIT ${LOOKUPS.exact + LOOKUPS.near}`,
  );
  const stored = sample.rows.map((r) => r.sourceText);
  const queries = [
    ...stored.slice(0, LOOKUPS.exact).map((text) => ({ kind: "exact", text })),
    ...stored.slice(LOOKUPS.exact).map((text) => ({ kind: "near", text: nearVariant(text) })),
    ...Array.from({ length: LOOKUPS.unrelated }, (_, i) => ({ kind: "unrelated", text: unrelatedQuery(i) })),
  ];

  const { lookupMemory } = await import("@/lib/services/translation/memory/lookup-memory");
  for (const q of queries.slice(0, 20)) await lookupMemory(actor, { text: q.text }); // warm the pool and caches
  const times: Record<string, number[]> = { exact: [], near: [], unrelated: [] };
  const found: Record<string, number> = { exact: 0, near: 0, unrelated: 0 };
  const results: { kind: string; text: string; scores: number[] }[] = [];
  for (const q of queries) {
    const t0 = performance.now();
    const matches = await lookupMemory(actor, { text: q.text });
    times[q.kind]!.push(performance.now() - t0);
    if (matches.length) found[q.kind]!++;
    results.push({ ...q, scores: matches.map((m) => m.score) });
  }

  const total = (await client.query(`SELECT count(*)::int AS n FROM translation_memory`)).rows[0].n as number;
  console.log(
    `\ntranslation memory lookups over ${total.toLocaleString("en-US")} stored pairs (service call, 5 matches)`,
  );
  // the figures scale with whatever else the machine runs: say how busy it was
  console.log(
    `load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")} on ${os.cpus().length} CPUs\n`,
  );
  console.log("kind        lookups  with matches   p50 ms   p95 ms   max ms");
  const all: number[] = [];
  for (const kind of Object.keys(times)) {
    const t = times[kind]!.sort((a, b) => a - b);
    all.push(...t);
    console.log(
      `${kind.padEnd(12)}${String(t.length).padStart(7)}${String(found[kind]).padStart(14)}${fmt(pct(t, 0.5))}${fmt(pct(t, 0.95))}${fmt(t.at(-1)!)}`,
    );
  }
  all.sort((a, b) => a - b);
  console.log(
    `${"all".padEnd(12)}${String(all.length).padStart(7)}${"".padStart(14)}${fmt(pct(all, 0.5))}${fmt(pct(all, 0.95))}${fmt(all.at(-1)!)}`,
  );

  // What the index path loses: the best percentages an exhaustive scan finds, against the service's
  let same = 0;
  let sameBest = 0;
  const checked = results.filter((x) => x.kind === "near").slice(0, EXHAUSTIVE);
  for (const r of checked) {
    const norm = normalizeSource(r.text);
    const { rows: cands } = await client.query<{ sourceText: string; sourceNorm: string }>(
      `SELECT "sourceText", "sourceNorm" FROM translation_memory WHERE similarity("sourceNorm", $1) > 0.2`,
      [norm],
    );
    const best = cands
      .map((c) => (c.sourceNorm === norm ? 100 : fuzzyScore(r.text, c.sourceText).score))
      .filter((s) => s >= 60)
      .sort((a, b) => b - a)
      .slice(0, 5);
    if (best.join() === r.scores.join()) same++;
    if (best[0] === r.scores[0]) sameBest++;
    else
      console.log(
        `  best match missed: ${JSON.stringify(r.text)} service ${r.scores.join()} · scan ${best.join()}`,
      );
  }
  console.log(`\nnear lookups compared with an exhaustive scan (${checked.length}):`);
  console.log(`  best percentage the same: ${sameBest}; all five the same: ${same}`);

  const { candidatesSql, indexOnly } = await import("@/lib/services/translation/memory/candidates");
  const { db } = await import("@/lib/db");
  const [, plan] = await db.$transaction([
    indexOnly(),
    db.$queryRaw<{ "QUERY PLAN": string }[]>(
      Prisma.sql`EXPLAIN (ANALYZE, COSTS OFF) ${candidatesSql(results[LOOKUPS.exact]!.text, 30)}`,
    ),
  ]);
  console.log("\nplan of one near lookup:\n" + plan.map((r) => `  ${r["QUERY PLAN"]}`).join("\n"));
  await client.end();
  process.exit(0);
}

await main();
