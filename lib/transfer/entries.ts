import yauzl from "yauzl";
import { ARCHIVE_LIMITS, MANIFEST_NAME, dataEntryName, isMediaKey } from "./format";
import { refuse } from "./refusal";
import { TABLES } from "./tables";

const KNOWN_DATA = new Set(TABLES.map((t) => dataEntryName(t.name)));
const utf8 = new TextDecoder("utf-8", { fatal: true });
// unix file type bits in the high half of externalFileAttributes
const S_IFMT = 0o170000;
const S_IFREG = 0o100000;

export type OpenedArchive = { zip: yauzl.ZipFile; entries: Map<string, yauzl.Entry> };

/** Refuses a name that is not exactly one of ours: that also refuses every path that could escape. */
function checkName(raw: Buffer): string {
  let name: string;
  try {
    name = utf8.decode(raw);
  } catch {
    return refuse(null, "归档中有条目的文件名不是有效的 UTF-8。");
  }
  const shown = JSON.stringify(name.slice(0, 120));
  if (name.includes("\\")) refuse(shown, "路径含有反斜杠，不予接受。");
  if (name.startsWith("/") || /^[A-Za-z]:/.test(name)) refuse(shown, "是绝对路径，不予接受。");
  if (name.split("/").some((part) => part === ".." || part === "."))
    refuse(shown, "路径含有「..」，会跳出目标文件夹，不予接受。");
  if (/[\u0000-\u001f]/.test(name)) refuse(shown, "路径含有控制字符，不予接受。");
  const known =
    name === MANIFEST_NAME ||
    KNOWN_DATA.has(name) ||
    (name.startsWith("media/") && isMediaKey(name.slice(6)));
  if (!known) refuse(shown, "不是站点归档中应有的文件（未知条目）。");
  return name;
}

/**
 * Opens the zip and checks its central directory before a byte is decompressed: entry count,
 * names, file types (no symlinks or folders), duplicates, encryption and declared sizes.
 */
export async function openArchive(file: string): Promise<OpenedArchive> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(file, {
      lazyEntries: true,
      autoClose: false,
      decodeStrings: false,
      validateEntrySizes: true,
    });
  } catch {
    return refuse(null, "文件不是完整的 zip 归档（可能上传不完整、被截断或已损坏）。");
  }
  try {
    if (zip.entryCount > ARCHIVE_LIMITS.entries)
      refuse(null, `归档含有 ${zip.entryCount} 个条目，超过上限 ${ARCHIVE_LIMITS.entries} 个。`);
    const entries = new Map<string, yauzl.Entry>();
    let total = 0;
    try {
      for await (const entry of zip.eachEntry()) {
        const name = checkName(entry.fileName as unknown as Buffer);
        const type = (entry.externalFileAttributes >>> 16) & S_IFMT;
        if (type !== 0 && type !== S_IFREG) refuse(name, "是符号链接或特殊文件，不予接受。");
        if (entries.has(name)) refuse(name, "在归档中出现了不止一次（重复条目）。");
        if (entry.isEncrypted()) refuse(name, "已加密，无法导入。");
        if (entry.uncompressedSize > ARCHIVE_LIMITS.entryBytes)
          refuse(name, `解压后 ${entry.uncompressedSize} 字节，超过单个条目的上限。`);
        total += entry.uncompressedSize;
        if (total > ARCHIVE_LIMITS.totalBytes) refuse(null, "归档解压后的总大小超过上限。");
        entries.set(name, entry);
      }
    } catch (e) {
      if (e instanceof Error && e.name === "ArchiveRefusal") throw e;
      refuse(null, "zip 目录结构损坏，无法读取（可能上传不完整或被截断）。");
    }
    if (entries.size !== zip.entryCount) refuse(null, "zip 目录中的条目数与声明不符（归档已损坏）。");
    return { zip, entries };
  } catch (e) {
    zip.close();
    throw e;
  }
}

/** An entry's decompressed bytes; yauzl stops an entry that inflates past its declared size. */
export async function* entryChunks(archive: OpenedArchive, name: string): AsyncGenerator<Buffer> {
  const entry = archive.entries.get(name)!;
  let stream;
  try {
    stream = await archive.zip.openReadStreamPromise(entry);
  } catch {
    return refuse(name, "无法读取（压缩数据损坏或使用了不支持的压缩方式）。");
  }
  try {
    for await (const chunk of stream) yield chunk as Buffer;
  } catch (e) {
    const why = e instanceof Error ? e.message : "";
    if (/too many bytes|too few bytes|size/i.test(why))
      refuse(name, "解压后的实际大小与声明的大小不符（可能是压缩炸弹或归档已损坏）。");
    refuse(name, "解压失败（归档已损坏或被截断）。");
  } finally {
    stream.destroy();
  }
}
