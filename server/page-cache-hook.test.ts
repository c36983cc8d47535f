import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { nodeFs } from "next/dist/server/lib/node-fs-methods.js";
import { describe, expect, it } from "vitest";
import { FileSystemCache, installPageCacheHook } from "./page-cache-handler.cjs";
import { hashScript, trustedInlineScripts } from "./trusted-inline-scripts.cjs";

describe("installPageCacheHook", () => {
  it("stores pages like Next.js' file-system cache and reports their inline scripts first", async () => {
    const serverDistDir = fs.mkdtempSync(path.join(os.tmpdir(), "byline-cache-"));
    installPageCacheHook();
    installPageCacheHook(); // idempotent: one recording per set
    const cache = new FileSystemCache({
      fs: nodeFs,
      serverDistDir,
      flushToDisk: true,
      revalidatedTags: [],
      _requestHeaders: {},
    });
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
