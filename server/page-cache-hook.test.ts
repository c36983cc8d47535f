import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { nodeFs } from "next/dist/server/lib/node-fs-methods.js";
import { describe, expect, it } from "vitest";
import {
  APP_PAGE,
  installPageCacheHook,
  loadFileSystemCache,
  NEXT_FILE_SYSTEM_CACHE,
} from "./page-cache-hook.mjs";
import { hashScript, trustedInlineScripts } from "./trusted-inline-scripts.mjs";

describe("the Next.js internals the production server hooks", () => {
  // If this fails after a Next.js upgrade: production pages would lose their inline scripts' nonces
  // (no hydration) or the server would not start. See docs/request-path.md, "Next.js internals".
  it(`finds Next.js' file-system page cache at ${NEXT_FILE_SYSTEM_CACHE}`, () => {
    expect(
      () => loadFileSystemCache(),
      "Next.js moved its file-system cache: update server/page-cache-hook.mjs",
    ).not.toThrow();
  });
  it("stores App Router pages under the entry kind the hook looks for", () => {
    const types = "next/dist/server/response-cache/types.js";
    const { CachedRouteKind } = createRequire(import.meta.url)(types) as {
      CachedRouteKind?: Record<string, string>;
    };
    expect(
      CachedRouteKind?.APP_PAGE,
      `Next.js renamed CachedRouteKind.APP_PAGE (${types}): update APP_PAGE in server/page-cache-hook.mjs`,
    ).toBe(APP_PAGE);
  });
});

describe("installPageCacheHook", () => {
  it("stores pages like Next.js' file-system cache and reports their inline scripts first", async () => {
    const serverDistDir = fs.mkdtempSync(path.join(os.tmpdir(), "byline-cache-"));
    installPageCacheHook();
    installPageCacheHook(); // idempotent: one recording per set
    const FileSystemCache = loadFileSystemCache();
    const cache = new FileSystemCache({
      fs: nodeFs,
      serverDistDir,
      flushToDisk: true,
      revalidatedTags: [],
      _requestHeaders: {},
    }) as InstanceType<typeof import("next/dist/server/lib/incremental-cache/file-system-cache.js").default>;
    const script = `self.__next_f.push([1,"${Date.now()}"])`;
    await cache.set(
      "/posts/regenerated",
      {
        kind: "APP_PAGE" as never,
        html: `<p>x</p><script>${script}</script>`,
        rscData: Buffer.from("0:{}"),
        headers: {},
        status: 200,
        postponed: undefined,
        segmentData: undefined,
      },
      { isRoutePPREnabled: false, isFallback: false, cacheControl: { revalidate: 60, expire: 3600 } },
    );
    expect(trustedInlineScripts().has(hashScript(script))).toBe(true);
    const entry = await cache.get("/posts/regenerated", {
      kind: "APP_PAGE" as never,
      isRoutePPREnabled: false,
      isFallback: false,
    });
    expect(entry?.value).toMatchObject({ kind: "APP_PAGE", html: expect.stringContaining(script) });
    fs.rmSync(serverDistDir, { recursive: true });
  });
});
