import { normaliseCveId } from "@/lib/cve/id";
import { isSafeText } from "@/lib/validation";
import { type IocType, IOC_TYPE_LABELS, MAX_IOC_VALUE } from "./types";

export type IocCheck = { ok: true; value: string } | { ok: false; message: string };

const HEX_LENGTH = { md5: 32, sha1: 40, sha256: 64 } as const;
const EXAMPLES: Record<IocType, string> = {
  ipv4: "192.0.2.1",
  ipv6: "2001:db8::1",
  domain: "example.com 或 例子.中国",
  url: "https://example.com/path",
  email: "name@example.com",
  md5: "32 位十六进制",
  sha1: "40 位十六进制",
  sha256: "64 位十六进制",
  filename: "invoice.exe",
  regkey: "HKLM\\Software\\Run",
  cve: "CVE-2024-3094",
};

// controls (C0, DEL, C1) and bidirectional overrides, which make a file name read backwards
const HOSTILE_CHARS = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069<>]/;
const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const LABEL = /^(?!-)[\p{L}\p{M}\p{N}_-]{1,63}(?<!-)$/u;
const TLD = /^(?:\p{L}[\p{L}\p{M}]+|xn--[a-z0-9-]{2,59})$/u;
const EMAIL_LOCAL = /^(?!\.)(?!.*\.\.)[\p{L}\p{N}.!#$%&'*+/=?^_`{|}~-]{1,64}(?<!\.)$/u;
const URL_SHAPE = /^(https?|ftp):\/\/(?:([^@/?#]*)@)?(\[[0-9a-f:.]+\]|[^/?#:[\]]+)(:\d{1,5})?([/?#].*)?$/is;
const URL_FORBIDDEN = /[\s"\\^`{|}]/;
const FILENAME_FORBIDDEN = /[<>:"/\\|?*]/;
const HIVE =
  /^(?:HKEY_LOCAL_MACHINE|HKLM|HKEY_CURRENT_USER|HKCU|HKEY_CLASSES_ROOT|HKCR|HKEY_USERS|HKU|HKEY_CURRENT_CONFIG|HKCC)(?:\\[^\\]+)*\\?$/i;

/** A host name: Unicode (例子.中国) or punycode, lower case, 253 octets at most as punycode. */
function normalizeDomain(raw: string): string | null {
  const d = raw.normalize("NFC").toLowerCase().replace(/\.$/, "");
  const labels = d.split(".");
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l)) || !TLD.test(labels.at(-1)!)) return null;
  try {
    // the WHATWG URL parser applies IDNA (UTS #46): what a browser would resolve
    const ascii = new URL(`http://${d}/`).hostname;
    return ascii.length <= 253 && !ascii.includes("%") ? d : null;
  } catch {
    return null;
  }
}

/** RFC 5952 text (compressed, lower case), as the URL parser writes it; zone ids are refused. */
function normalizeIpv6(raw: string): string | null {
  if (!raw.includes(":") || !/^[0-9a-f:.]+$/i.test(raw)) return null;
  try {
    return new URL(`http://[${raw}]/`).hostname.slice(1, -1);
  } catch {
    return null;
  }
}

function normalizeUrl(raw: string): string | null {
  const m = URL_SHAPE.exec(raw);
  if (!m || URL_FORBIDDEN.test(raw)) return null;
  const [, scheme, userinfo, host, port = "", rest = ""] = m;
  const h = host!.startsWith("[")
    ? normalizeIpv6(host!.slice(1, -1)) && `[${normalizeIpv6(host!.slice(1, -1))}]`
    : IPV4.test(host!)
      ? host!
      : normalizeDomain(host!);
  if (!h || (port && Number(port.slice(1)) > 65535)) return null;
  try {
    new URL(raw);
  } catch {
    return null;
  }
  return `${scheme!.toLowerCase()}://${userinfo !== undefined ? `${userinfo}@` : ""}${h}${port}${rest}`;
}

function normalizeEmail(raw: string): string | null {
  const at = raw.lastIndexOf("@");
  if (at < 1) return null;
  const local = raw.slice(0, at).normalize("NFC");
  const domain = normalizeDomain(raw.slice(at + 1));
  return EMAIL_LOCAL.test(local) && domain ? `${local}@${domain}` : null;
}

function normalizeFilename(raw: string): string | null {
  if (raw.length > 255 || FILENAME_FORBIDDEN.test(raw) || /^\.{1,2}$/.test(raw) || /[. ]$/.test(raw))
    return null;
  return raw.normalize("NFC");
}

function normalize(type: IocType, v: string): string | null {
  switch (type) {
    case "ipv4":
      return IPV4.test(v) ? v : null;
    case "ipv6":
      return normalizeIpv6(v);
    case "domain":
      return normalizeDomain(v);
    case "url":
      return normalizeUrl(v);
    case "email":
      return normalizeEmail(v);
    case "md5":
    case "sha1":
    case "sha256":
      return new RegExp(`^[0-9a-f]{${HEX_LENGTH[type]}}$`, "i").test(v) ? v.toLowerCase() : null;
    case "filename":
      return normalizeFilename(v);
    case "regkey":
      return v.length <= 1024 && HIVE.test(v) ? v : null;
    case "cve":
      return normaliseCveId(v);
  }
}

/**
 * The normalised value of an indicator of a given type, or a zh-CN message. Refused before any
 * parsing: non-strings, more than MAX_IOC_VALUE characters, control characters (NUL included),
 * lone surrogates, bidirectional overrides and angle brackets (no indicator needs them; HTML in
 * a value is refused, not escaped and kept).
 */
export function checkIocValue(type: IocType, value: unknown): IocCheck {
  const label = IOC_TYPE_LABELS[type];
  if (typeof value !== "string" || value.trim() === "") return { ok: false, message: `请填写${label}。` };
  if (value.length > MAX_IOC_VALUE)
    return { ok: false, message: `指标最多 ${MAX_IOC_VALUE} 个字符，请检查是否粘贴了多余内容。` };
  if (!isSafeText(value) || HOSTILE_CHARS.test(value))
    return { ok: false, message: "指标包含控制字符、尖括号或方向控制符，请删除后重试。" };
  const normalised = normalize(type, value.trim());
  return normalised === null
    ? { ok: false, message: `不是有效的${label}（例如 ${EXAMPLES[type]}）。` }
    : { ok: true, value: normalised };
}

/** The normalised value, or null: for callers that only need to know whether it fits. */
export const normalizeIocValue = (type: IocType, value: unknown): string | null => {
  const r = checkIocValue(type, value);
  return r.ok ? r.value : null;
};
