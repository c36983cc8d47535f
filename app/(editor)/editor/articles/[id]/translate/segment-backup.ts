/**
 * Typed Chinese not yet saved, per segment, in this browser: a conflict, an expired login or a
 * closed tab loses nothing. Keyed by segment and the version the text was typed against.
 */
type Backup = Record<string, { text: string; version: number; at: number }>;

const key = (articleId: string) => `byline:segment-backup:${articleId}`;

export function readSegmentBackup(articleId: string): Backup {
  try {
    const raw = localStorage.getItem(key(articleId));
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    return parsed && typeof parsed === "object" ? (parsed as Backup) : {};
  } catch {
    return {};
  }
}

function write(articleId: string, backup: Backup) {
  try {
    if (Object.keys(backup).length) localStorage.setItem(key(articleId), JSON.stringify(backup));
    else localStorage.removeItem(key(articleId));
  } catch {
    // storage full or disabled: the server save is still the primary copy
  }
}

export function backUpSegment(articleId: string, segmentId: string, text: string, version: number) {
  write(articleId, { ...readSegmentBackup(articleId), [segmentId]: { text, version, at: Date.now() } });
}

export function dropSegmentBackup(articleId: string, segmentId: string) {
  const b = readSegmentBackup(articleId);
  if (!(segmentId in b)) return;
  delete b[segmentId];
  write(articleId, b);
}
