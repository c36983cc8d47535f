import type { CommentSettings } from "./settings";
import { findBlockedWord, findLink } from "./match";

/**
 * What happens to a comment on arrival (issue 13): published at once, held for a moderator, or
 * rejected. Pure: the write services gather the facts (author's record, duplicate, settings read
 * inside their transaction) and store the verdict with the rule that decided it, so the queue can
 * say why each comment waits.
 */

export type HeldBy = "blocked_word" | "duplicate" | "link" | "new_account" | "premoderation";

export const HELD_BY_LABELS: Record<HeldBy, string> = {
  blocked_word: "含屏蔽词",
  duplicate: "重复内容",
  link: "含链接",
  new_account: "新账号",
  premoderation: "先审后发",
};

/** The moderator's reason line, e.g. 含屏蔽词「博彩」; null for a comment nothing held. */
export function describeHold(heldBy: string | null, heldDetail: string | null): string | null {
  if (!heldBy) return null;
  const label = HELD_BY_LABELS[heldBy as HeldBy] ?? heldBy;
  return heldDetail ? `${label}「${heldDetail}」` : label;
}

/** A reader is trusted (mode "trusted") from this age on, with this many approved comments and none rejected. */
const TRUST_MIN_AGE_MS = 24 * 60 * 60 * 1000;
export const TRUST_MIN_APPROVED = 3;

export type CommentVerdict = {
  status: "APPROVED" | "PENDING" | "REJECTED";
  heldBy: HeldBy | null;
  heldDetail: string | null;
};

export type CommentFacts = {
  body: string;
  author: { createdAt: Date; approvedCount: number; rejectedCount: number };
  settings: Pick<CommentSettings, "mode" | "blockedWords">;
  /** the same text (normalised) by the same account within 24 hours, not deleted */
  duplicateWithinDay: boolean;
  now: Date;
};

const clip = (s: string) => (s.length > 200 ? `${s.slice(0, 199)}…` : s);
const held = (heldBy: HeldBy, heldDetail: string | null = null): CommentVerdict => ({
  status: "PENDING",
  heldBy,
  heldDetail: heldDetail && clip(heldDetail),
});

/**
 * The first rule that applies decides, in this order: a blocked word marked reject, a blocked
 * word marked hold, a duplicate, a link (held in every mode: links are what spam is for), the
 * pre-moderation mode, and in "trusted" mode the reader's record.
 */
export function evaluateComment({
  body,
  author,
  settings,
  duplicateWithinDay,
  now,
}: CommentFacts): CommentVerdict {
  const words = (action: "hold" | "reject") =>
    settings.blockedWords.filter((w) => w.action === action).map((w) => w.word);
  const rejected = findBlockedWord(body, words("reject"));
  if (rejected) return { status: "REJECTED", heldBy: "blocked_word", heldDetail: clip(rejected) };
  const hold = findBlockedWord(body, words("hold"));
  if (hold) return held("blocked_word", hold);
  if (duplicateWithinDay) return held("duplicate");
  const link = findLink(body);
  if (link) return held("link", link);
  if (settings.mode === "premoderate") return held("premoderation");

  const isNew = now.getTime() - author.createdAt.getTime() < TRUST_MIN_AGE_MS;
  if (isNew) return held("new_account");
  const trusted = author.approvedCount >= TRUST_MIN_APPROVED && author.rejectedCount === 0;
  return trusted ? { status: "APPROVED", heldBy: null, heldDetail: null } : held("premoderation");
}
