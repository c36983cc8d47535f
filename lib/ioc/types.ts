/**
 * Indicators of compromise (issue 16): the types an IOC block knows, their zh-CN labels and the
 * caps every layer relies on. Pure: the editor, the server renderer and the exports all use it.
 */
export const IOC_TYPES = [
  "ipv4",
  "ipv6",
  "domain",
  "url",
  "email",
  "md5",
  "sha1",
  "sha256",
  "filename",
  "regkey",
  "cve",
] as const;

export type IocType = (typeof IOC_TYPES)[number];

export type IocItem = {
  type: IocType;
  /** the real ("fanged") value, normalised by validateIocValue: what copy and the exports give */
  value: string;
  /** the author's note: free text, shown escaped */
  context: string;
  /** malicious (true) or benign (false); malicious network values are shown defanged */
  malicious: boolean;
};

export const IOC_TYPE_LABELS: Record<IocType, string> = {
  ipv4: "IPv4 地址",
  ipv6: "IPv6 地址",
  domain: "域名",
  url: "URL",
  email: "电子邮件地址",
  md5: "MD5",
  sha1: "SHA-1",
  sha256: "SHA-256",
  filename: "文件名",
  regkey: "注册表键",
  cve: "CVE 编号",
};

/** Values a browser or mail client could follow: shown defanged when malicious, never as links. */
const NETWORK_TYPES: ReadonlySet<IocType> = new Set(["ipv4", "ipv6", "domain", "url", "email"]);
export const isNetworkType = (type: IocType) => NETWORK_TYPES.has(type);

export const isIocType = (v: unknown): v is IocType => (IOC_TYPES as readonly unknown[]).includes(v);

/** The longest value of any type (a URL); longer input is refused before any parsing. */
export const MAX_IOC_VALUE = 2048;
export const MAX_IOC_CONTEXT = 500;
/** Rows in one block: a long report lists a few hundred indicators at most. */
export const MAX_IOC_ITEMS = 500;
/** A pasted list, in characters. */
export const MAX_IOC_PASTE = 100_000;
