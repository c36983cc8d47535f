import { describe, expect, it } from "vitest";
import { countedByPageRequest, whenShown } from "./page-request-view";

const page = "https://byline.example/posts/abc123";
const counted = [{ name: "bl-view" }];

describe("whether the page request was the view (view-count.tsx)", () => {
  it("says so when the page's answer says so, for this page", () => {
    expect(countedByPageRequest({ name: page, serverTiming: counted }, "abc123")).toBe(true);
    expect(countedByPageRequest({ name: `${page}?from=wechat`, serverTiming: counted }, "abc123")).toBe(true);
    expect(countedByPageRequest({ name: page, serverTiming: counted, activationStart: 0 }, "abc123")).toBe(
      true,
    );
    // rendered for a signed-in reader, or a client-side navigation from another page: the beacon
    expect(countedByPageRequest({ name: page, serverTiming: [] }, "abc123")).toBe(false);
    expect(countedByPageRequest({ name: page }, "abc123")).toBe(false);
    expect(countedByPageRequest({ name: "https://byline.example/", serverTiming: counted }, "abc123")).toBe(
      false,
    );
    expect(countedByPageRequest(undefined, "abc123")).toBe(false);
  });

  it("not for a page the browser prerendered, prefetched or kept before the reader opened it", () => {
    // its request said Sec-Purpose and was not counted; the stored answer still says bl-view
    expect(
      countedByPageRequest({ name: page, serverTiming: counted, activationStart: 412.5 }, "abc123"),
    ).toBe(false);
    expect(
      countedByPageRequest(
        { name: page, serverTiming: counted, deliveryType: "navigational-prefetch" },
        "abc123",
      ),
    ).toBe(false);
    // from the browser's cache without asking: a link's prefetch
    const cached = { name: page, serverTiming: counted, deliveryType: "cache", transferSize: 0 };
    expect(countedByPageRequest(cached, "abc123")).toBe(false);
    expect(countedByPageRequest({ ...cached, type: "navigate" }, "abc123")).toBe(false);
    // but a return through the history was counted when the page was first opened
    expect(countedByPageRequest({ ...cached, type: "back_forward" }, "abc123")).toBe(true);
    // and a copy the browser revalidated was asked for: its 304 is the logged view
    expect(countedByPageRequest({ ...cached, transferSize: 312 }, "abc123")).toBe(true);
  });
});

describe("when the reader sees the page", () => {
  it("is now for a page opened as usual, at its activation for a prerendered one", () => {
    const shown: string[] = [];
    whenShown(Object.assign(new EventTarget(), { prerendering: false }), () => shown.push("usual"));
    expect(shown).toEqual(["usual"]);
    const prerendered = Object.assign(new EventTarget(), { prerendering: true });
    whenShown(prerendered, () => shown.push("prerendered"));
    expect(shown).toEqual(["usual"]);
    prerendered.dispatchEvent(new Event("prerenderingchange"));
    prerendered.dispatchEvent(new Event("prerenderingchange"));
    expect(shown).toEqual(["usual", "prerendered"]);
  });
});
