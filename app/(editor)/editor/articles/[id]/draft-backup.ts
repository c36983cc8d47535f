import type { Snapshot } from "./draft-fields";

/** A copy of unsaved work in this browser, so a conflict, an expired login or a crash loses nothing. */
export type DraftBackup = Snapshot & {
  baseVersion: number;
  at: number;
  /** the fields (and "body") this user changed since their last save: only these are restored */
  changed: string[];
};

const key = (id: string) => `byline:article-backup:${id}`;

export function readBackup(id: string): DraftBackup | null {
  try {
    const raw = localStorage.getItem(key(id));
    return raw ? (JSON.parse(raw) as DraftBackup) : null;
  } catch {
    return null;
  }
}

export function writeBackup(id: string, backup: DraftBackup) {
  try {
    localStorage.setItem(key(id), JSON.stringify(backup));
  } catch {
    // storage full or disabled: the server save is still the primary copy
  }
}

export function clearBackup(id: string) {
  try {
    localStorage.removeItem(key(id));
  } catch {}
}
