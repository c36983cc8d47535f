import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce, REACT_SHELL_INLINE_SCRIPT } from "./headers";

describe("contentSecurityPolicy", () => {
  const csp = contentSecurityPolicy({ nonce: "abc" });
  const directive = (name: string) => csp.split("; ").find((d) => d.startsWith(`${name} `));

  it("allows scripts by nonce and strict-dynamic only, never unsafe-inline or unsafe-eval", () => {
    expect(directive("script-src")).toMatch(/^script-src 'nonce-abc' 'sha256-[^']+' 'strict-dynamic'$/);
    expect(csp).not.toContain("unsafe-eval");
    expect(directive("script-src")).not.toContain("unsafe-inline");
  });

  it("closes plugins, base, framing and foreign form targets", () => {
    expect(directive("object-src")).toBe("object-src 'none'");
    expect(directive("base-uri")).toBe("base-uri 'none'");
    expect(directive("frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(directive("form-action")).toBe("form-action 'self'");
  });

  it("adds unsafe-eval only for the development server and upgrades requests only on https", () => {
    expect(contentSecurityPolicy({ nonce: "a", dev: true })).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy({ nonce: "a", https: true })).toContain("upgrade-insecure-requests");
  });

  it("hashes React's fixed shell script correctly, and React still emits exactly that script", () => {
    const hash = createHash("sha256").update(REACT_SHELL_INLINE_SCRIPT).digest("base64");
    expect(directive("script-src")).toContain(`'sha256-${hash}'`);
    // the app router renders with Next.js' own React builds (cacheComponents uses the experimental channel)
    const require = createRequire(import.meta.url);
    const nextDir = path.dirname(require.resolve("next/package.json"));
    for (const channel of ["react-dom", "react-dom-experimental"]) {
      const server = readFileSync(
        path.join(nextDir, "dist/compiled", channel, "cjs/react-dom-server.node.production.js"),
        "utf8",
      );
      expect(server, channel).toContain(JSON.stringify(REACT_SHELL_INLINE_SCRIPT));
    }
  });
});

describe("newNonce", () => {
  it("is 128 random bits, different every time", () => {
    const a = newNonce();
    expect(Buffer.from(a, "base64")).toHaveLength(16);
    expect(newNonce()).not.toBe(a);
  });
});
