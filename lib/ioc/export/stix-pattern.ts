import type { IocItem, IocType } from "../types";

const HIVES: Record<string, string> = {
  HKLM: "HKEY_LOCAL_MACHINE",
  HKCU: "HKEY_CURRENT_USER",
  HKCR: "HKEY_CLASSES_ROOT",
  HKU: "HKEY_USERS",
  HKCC: "HKEY_CURRENT_CONFIG",
};

/** STIX wants the hive spelled out ("HKEY_LOCAL_MACHINE must be used instead of HKLM"). */
export function expandHive(key: string): string {
  const cut = key.indexOf("\\");
  const hive = (cut < 0 ? key : key.slice(0, cut)).toUpperCase();
  return (HIVES[hive] ?? hive) + (cut < 0 ? "" : key.slice(cut));
}

/** A STIX pattern string literal: single quotes, with ' and \ escaped by a backslash. */
const stixString = (s: string) => `'${s.replace(/[\\']/g, (c) => `\\${c}`)}'`;

const PATHS: Record<Exclude<IocType, "cve">, string> = {
  ipv4: "ipv4-addr:value",
  ipv6: "ipv6-addr:value",
  domain: "domain-name:value",
  url: "url:value",
  email: "email-addr:value",
  md5: "file:hashes.MD5",
  sha1: "file:hashes.'SHA-1'",
  sha256: "file:hashes.'SHA-256'",
  filename: "file:name",
  regkey: "windows-registry-key:key",
};

/** The STIX 2.1 pattern that matches one indicator, e.g. [file:hashes.'SHA-256' = '…']. */
export function stixPattern(item: IocItem & { type: Exclude<IocType, "cve"> }): string {
  const value = item.type === "regkey" ? expandHive(item.value) : item.value;
  return `[${PATHS[item.type]} = ${stixString(value)}]`;
}
