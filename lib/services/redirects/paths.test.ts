import { describe, expect, it } from "vitest";
import { pagePath, redirectablePath, redirectLocation } from "./paths";

describe("redirect paths", () => {
  it("keys tag and category pages by their decoded slug, keeping what follows", () => {
    expect(redirectablePath("/tag/apt-29")).toEqual({
      kind: "tag",
      slug: "apt-29",
      key: "/tag/apt-29",
      rest: "",
    });
    expect(redirectablePath("/category/news/feed")).toMatchObject({ key: "/category/news", rest: "/feed" });
    expect(redirectablePath("/tag/%E5%8B%92%E7%B4%A2")).toMatchObject({ slug: "勒索", key: "/tag/勒索" });
    expect(pagePath("tag", "勒索")).toBe(redirectablePath("/tag/%E5%8B%92%E7%B4%A2")!.key);
  });

  it("looks nothing up for other paths or segments no slug could be", () => {
    for (const p of [
      "/",
      "/tag",
      "/tag/",
      "/posts/abc",
      "/tags/x",
      "/admin/tags",
      "/tag/%E0%A4%A", // malformed percent-encoding
      "/tag/a%2Fb", // an encoded slash
      "/tag/a%00b",
      `/tag/${"a".repeat(65)}`,
    ])
      expect(redirectablePath(p), p).toBeNull();
    expect(redirectablePath(`/tag/${"a".repeat(64)}`)).not.toBeNull();
  });

  it("builds the Location with the slug encoded, the rest and the query kept", () => {
    expect(redirectLocation("/tag/new", "", "")).toBe("/tag/new");
    expect(redirectLocation("/category/new", "/feed", "?x=1")).toBe("/category/new/feed?x=1");
    expect(redirectLocation("/tag/勒索", "", "?before=abc")).toBe("/tag/%E5%8B%92%E7%B4%A2?before=abc");
  });
});
