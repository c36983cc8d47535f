import { type IocType, MAX_IOC_VALUE } from "./types";
import { normalizeIocValue } from "./validate";

export type DetectedIoc = { type: IocType; value: string };

/**
 * Extensions that make "name.ext" a file name rather than a host. Some are top-level domains
 * too (.zip, .sh): in a list of indicators a file is the likelier reading, and the author
 * can change the type in the block. Not .com, .app, .pl,
 * .py or .so: those are hosts far more often.
 */
const FILE_EXTENSIONS = new Set(
  (
    "exe dll sys scr bat cmd ps1 psm1 vbs vbe js jse wsf wsh hta lnk msi msp jar class apk ipa " +
    "dmg pkg elf bin sh rb php asp aspx jsp doc docx docm xls xlsx xlsm ppt pptx pptm " +
    "rtf pdf one iso img vhd vhdx zip rar 7z gz tgz tar cab chm inf reg tmp dat log txt cfg ini"
  ).split(" "),
);

/**
 * Tried in this order: the first type that accepts a value wins. Fixed-length hex is a hash
 * before anything else; a registry key is recognised by its hive; "a.b" is a file name only
 * with a known extension, otherwise a domain.
 */
const ORDER: IocType[] = ["cve", "sha256", "sha1", "md5", "ipv4", "ipv6", "url", "email", "regkey"];

/** The type and normalised value of one indicator written as it is (not defanged), or null. */
export function detectIoc(raw: string): DetectedIoc | null {
  const value = raw.trim();
  if (value === "" || value.length > MAX_IOC_VALUE) return null;
  for (const type of ORDER) {
    const v = normalizeIocValue(type, value);
    if (v !== null) return { type, value: v };
  }
  const ext = /\.([a-z0-9]{1,5})$/i.exec(value)?.[1]?.toLowerCase();
  if (ext && FILE_EXTENSIONS.has(ext)) {
    const v = normalizeIocValue("filename", value);
    if (v !== null) return { type: "filename", value: v };
  }
  const domain = normalizeIocValue("domain", value);
  return domain === null ? null : { type: "domain", value: domain };
}
