import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import type { SourceUpdate } from "@/lib/services/translation/source-updates/get-source-update";
import type { SnapshotView } from "@/lib/services/translation/source-updates/snapshot-view";
import { diffSegments } from "@/lib/translation/diff/segment-diff";
import { SnapshotMeta } from "./snapshot-meta";
import { SourceChangedBanner } from "./source-changed-banner";

// the client button needs the app router; here only whether it is offered matters
vi.mock("./acknowledge-button", () => ({
  AcknowledgeButton: ({ snapshotId }: { snapshotId: string }) =>
    createElement("button", { "data-snapshot": snapshotId }, "我已处理"),
}));

const snap = (id: string, texts: string[], url: string | null = "https://news.example/a"): SnapshotView => ({
  id,
  origin: "FETCHED",
  url,
  finalUrl: url,
  title: "Title",
  author: null,
  siteName: "News",
  publishedAt: null,
  fetchedAt: new Date("2026-11-25T02:00:00Z"),
  etag: '"abc"',
  lastModified: null,
  contentHash: "0".repeat(64),
  segments: texts.map((text) => ({ kind: "PARAGRAPH", text })),
});

function render(canAcknowledge: boolean) {
  const current = snap("s1", ["One.", "Two apples.", "Three."]);
  const newest = snap("s2", ["One.", "Two pears.", "Three.", "Four."]);
  const diff = diffSegments(current.segments, newest.segments);
  const update: SourceUpdate = {
    article: {
      id: "a1",
      title: "译文",
      status: "PUBLISHED",
      sourceUrl: newest.url,
      sourceChangedAt: new Date(),
      sourceCheckedAt: new Date(),
    },
    current,
    newest,
    diff,
    affected: [],
    canAcknowledge,
  };
  return renderToStaticMarkup(createElement(SourceChangedBanner, { update, newest, diff }));
}

describe("SourceChangedBanner", () => {
  it("says what changed, in Beijing time, and offers 我已处理 with the snapshot shown", () => {
    const html = render(true);
    expect(html).toContain("原文已更新");
    expect(html).toContain("2026-11-25 10:00");
    expect(html).toContain("修改 1 段，新增 1 段，删除 0 段");
    expect(html).toContain('data-snapshot="s2"');
  });

  it("offers no button to someone who may not acknowledge", () => {
    const html = render(false);
    expect(html).not.toContain("data-snapshot");
    expect(html).toContain("处理完后请编辑确认");
  });
});

describe("SnapshotMeta", () => {
  it("links only web addresses", () => {
    expect(renderToStaticMarkup(createElement(SnapshotMeta, { snapshot: snap("s", []) }))).toContain(
      'href="https://news.example/a"',
    );
    const html = renderToStaticMarkup(
      createElement(SnapshotMeta, { snapshot: snap("s", [], "javascript:alert(1)") }),
    );
    expect(html).not.toContain("href=");
    expect(html).toContain("javascript:alert(1)"); // shown as text, not followed
  });
});
