import type { AuthorKey } from "./types";

export const authors: {
  key: AuthorKey;
  name: string;
  email: string;
  role: "READER" | "CONTRIBUTOR" | "TRANSLATOR" | "EDITOR" | "ADMIN";
  bio: string | null;
  avatarColor: string;
}[] = [
  {
    key: "admin",
    name: "系统管理员",
    email: "admin@byline.test",
    role: "ADMIN",
    bio: "负责站点运维与账号管理。",
    avatarColor: "#334155",
  },
  {
    key: "editor-chen",
    name: "陈思远",
    email: "editor-chen@byline.test",
    role: "EDITOR",
    bio: "值班主编，专注漏洞分析与应急响应报道，十年安全媒体从业经历。",
    avatarColor: "#1f58bf",
  },
  {
    key: "editor-he",
    name: "何嘉宁",
    email: "editor-he@byline.test",
    role: "EDITOR",
    bio: null,
    avatarColor: "#0f766e",
  },
  {
    key: "writer-zhou",
    name: "周明哲",
    email: "writer-zhou@byline.test",
    role: "EDITOR",
    bio: "关注勒索软件产业链与执法行动，偶尔写写红队技术。",
    avatarColor: "#b45309",
  },
  {
    key: "translator-lin",
    name: "林雨桐",
    email: "translator-lin@byline.test",
    role: "TRANSLATOR",
    bio: "安全译者，翻译海外威胁情报与漏洞研究文章。",
    avatarColor: "#7c3aed",
  },
  {
    key: "translator-xu",
    name: "徐子墨",
    email: "translator-xu@byline.test",
    role: "TRANSLATOR",
    bio: "前渗透测试工程师，现专职翻译内网渗透与系统安全文章。",
    avatarColor: "#be123c",
  },
  {
    key: "contributor-wang",
    name: "王若溪",
    email: "contributor-wang@byline.test",
    role: "CONTRIBUTOR",
    bio: "业务安全从业者，关注风控与反欺诈。",
    avatarColor: "#2f6fde",
  },
  {
    key: "reader-li",
    name: "李小白",
    email: "reader-li@byline.test",
    role: "READER",
    bio: null,
    avatarColor: "#64748b",
  },
];
