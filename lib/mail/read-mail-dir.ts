import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

/**
 * Reads the mails sendMail wrote to a mail directory (demo and test mode), newest first. For
 * tests and the e2e suite; it has no server-only import so Playwright can use it.
 */
export type StoredMail = { to: string; subject: string; text: string; file: string };

export async function readMailDir(dir: string, to?: string): Promise<StoredMail[]> {
  const files = (await readdir(dir).catch(() => [] as string[]))
    .filter((f) => f.endsWith(".json"))
    .sort()
    .reverse();
  const out: StoredMail[] = [];
  for (const file of files) {
    const m = JSON.parse(await readFile(path.join(dir, file), "utf8")) as {
      to?: { address: string }[];
      subject: string;
      text: string;
    };
    const address = m.to?.[0]?.address ?? "";
    if (!to || address.toLowerCase() === to.toLowerCase())
      out.push({ to: address, subject: m.subject, text: m.text, file });
  }
  return out;
}

/** The first /reset-password link in a mail's text. */
export function resetLinkOf(text: string): string | null {
  return /https?:\/\/\S+\/reset-password\?token=[A-Za-z0-9_-]+/.exec(text)?.[0] ?? null;
}
