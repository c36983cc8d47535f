import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { TrustedInlineScripts, hashScript, trustedInlineScripts } from "./trusted-inline-scripts.mjs";

const page = (...scripts: string[]) =>
  `<html><body><p>x</p>${scripts.map((s) => `<script>${s}</script>`).join("")}</body></html>`;

describe("TrustedInlineScripts", () => {
  it("trusts the inline scripts of stored pages, and nothing else", () => {
    const t = new TrustedInlineScripts();
    t.record("/posts/a", page("self.__next_f.push([0])", 'self.__next_f.push([1,"a"])'));
    expect(t.has(hashScript("self.__next_f.push([0])"))).toBe(true);
    expect(t.has(hashScript('self.__next_f.push([1,"a"])'))).toBe(true);
    expect(t.has(hashScript("alert(1)"))).toBe(false);
    // typed scripts (JSON-LD) and scripts with attributes are not "bare" inline scripts
    t.record("/x", '<script type="application/ld+json">{}</script><script nonce="n">y()</script>');
    expect(t.has(hashScript("{}"))).toBe(false);
    expect(t.has(hashScript("y()"))).toBe(false);
  });

  it("a regenerated entry replaces its old scripts; scripts shared with other pages stay", () => {
    const t = new TrustedInlineScripts();
    t.record("/posts/a", page("shared()", "old-a()"));
    t.record("/posts/b", page("shared()"));
    t.record("/posts/a", page("new-a()"));
    expect(t.has(hashScript("old-a()"))).toBe(false);
    expect(t.has(hashScript("new-a()"))).toBe(true);
    expect(t.has(hashScript("shared()"))).toBe(true);
    t.record("/posts/b", page());
    expect(t.has(hashScript("shared()"))).toBe(false);
    expect(t.size).toBe(1);
  });

  it("scans the page cache directory at start-up, keyed like Next.js' cache keys", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "byline-trusted-"));
    fs.mkdirSync(path.join(dir, "posts"));
    fs.writeFileSync(path.join(dir, "index.html"), page("home()"));
    fs.writeFileSync(path.join(dir, "posts", "a.html"), page("a()"));
    fs.writeFileSync(path.join(dir, "posts", "a.rsc"), "<script>not-html()</script>");
    const t = new TrustedInlineScripts().scan(dir);
    expect(t.has(hashScript("home()"))).toBe(true);
    expect(t.has(hashScript("a()"))).toBe(true);
    expect(t.has(hashScript("not-html()"))).toBe(false);
    // the same key stored again by Next.js replaces what the scan found
    t.record("/posts/a", page("a2()"));
    expect(t.has(hashScript("a()"))).toBe(false);
    fs.rmSync(dir, { recursive: true });
  });

  it("a missing cache directory is an empty set, not a crash", () => {
    expect(new TrustedInlineScripts().scan("/nonexistent/byline").size).toBe(0);
  });

  it("one registry per process, shared by the server and Next.js' cache handler", () => {
    expect(trustedInlineScripts()).toBe(trustedInlineScripts());
  });
});
