import type { CategorySlug } from "./types";

/** The 4hou category bar, in its order. */
export const categories: { slug: CategorySlug; name: string; description: string }[] = [
  { slug: "news", name: "新闻", description: "全球网络安全事件与执法动态" },
  { slug: "industry", name: "行业", description: "安全厂商、投融资与政策法规" },
  { slug: "trends", name: "趋势", description: "威胁态势与技术趋势观察" },
  { slug: "interviews", name: "访谈", description: "与安全从业者的对话" },
  { slug: "vulnerabilities", name: "漏洞", description: "漏洞披露、分析与修复建议" },
  { slug: "web-security", name: "WEB安全", description: "Web 应用攻防与安全开发" },
  { slug: "business-security", name: "业务安全", description: "风控、反欺诈与数据安全" },
  { slug: "system-security", name: "系统安全", description: "操作系统、固件与终端安全" },
  { slug: "intranet-pentest", name: "内网渗透", description: "域渗透、横向移动与红队技术" },
  { slug: "ransomware", name: "勒索软件", description: "勒索团伙、事件与防护" },
  { slug: "tools", name: "安全工具", description: "开源与商业安全工具评测" },
];
