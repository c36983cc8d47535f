import crypto from "node:crypto";
import fs from "node:fs/promises";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { buffer, text } from "node:stream/consumers";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as serveMedia } from "@/app/media/[...key]/route";
import { mediaStorage } from "./index";
import { s3ConfigFromEnv, s3Storage, type S3Config } from "./s3";
import { StorageFullError } from "./types";

/** A real S3 API on loopback (s3rver, files in a temp folder); the same driver talks to MinIO or AWS. */
let dir: string;
let server: S3rver;
let config: S3Config;
const BUCKET = "byline-media";

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "byline-s3-"));
  server = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory: path.join(dir, "store"),
    configureBuckets: [{ name: BUCKET, configs: [] }],
  });
  const { port } = (await server.run()) as AddressInfo;
  config = s3ConfigFromEnv({
    S3_BUCKET: BUCKET,
    S3_ENDPOINT: `http://127.0.0.1:${port}`,
    S3_ACCESS_KEY_ID: "S3RVER",
    S3_SECRET_ACCESS_KEY: "S3RVER",
    S3_PREFIX: "site-a",
  });
});
afterAll(async () => {
  await server?.close();
  await fs.rm(dir, { recursive: true, force: true });
});

const keyOf = (bytes: Buffer, ext = "webp") => {
  const sha = crypto.createHash("sha256").update(bytes).digest("hex");
  return `${sha.slice(0, 2)}/${sha}.${ext}`;
};
async function staged(bytes: Buffer) {
  const file = path.join(dir, `staged-${crypto.randomUUID()}`);
  await fs.writeFile(file, bytes);
  return { file };
}
const gone = (file: string) =>
  fs.access(file).then(
    () => false,
    () => true,
  );

describe("s3ConfigFromEnv", () => {
  it("defaults path-style for a custom endpoint and normalises the prefix", () => {
    expect(config).toMatchObject({
      bucket: BUCKET,
      region: "us-east-1",
      forcePathStyle: true,
      prefix: "site-a/",
    });
    expect(s3ConfigFromEnv({ S3_BUCKET: "media" })).toMatchObject({ forcePathStyle: false, prefix: "" });
    expect(s3ConfigFromEnv({ S3_BUCKET: "media", S3_PREFIX: "/x/y/" }).prefix).toBe("x/y/");
  });
  it("refuses a missing bucket, half a key pair and odd prefixes", () => {
    expect(() => s3ConfigFromEnv({})).toThrow(/S3_BUCKET/);
    expect(() => s3ConfigFromEnv({ S3_BUCKET: "media", S3_ACCESS_KEY_ID: "a" })).toThrow(/go together/);
    expect(() => s3ConfigFromEnv({ S3_BUCKET: "media", S3_PREFIX: "../x y" })).toThrow(/S3_PREFIX/);
    expect(() => s3ConfigFromEnv({ S3_BUCKET: "media", S3_ENDPOINT: "file:///etc" })).toThrow();
  });
});

describe("S3 media storage", () => {
  it("puts, heads, streams and deletes by key, under the prefix, and consumes the staged file", async () => {
    const s = s3Storage(config);
    const bytes = crypto.randomBytes(2048);
    const key = keyOf(bytes);
    const source = await staged(bytes);
    expect(await s.put(key, source, "image/webp")).toEqual({ placed: true });
    expect(await gone(source.file)).toBe(true);
    expect(await s.head(key)).toEqual({ size: 2048 });
    expect((await buffer((await s.stream(key))!)).equals(bytes)).toBe(true);
    expect(s.url(key)).toBe(`/media/${key}`);
    // stored under the prefix, with its type and immutable caching
    const files = await fs.readdir(path.join(dir, "store", BUCKET, "site-a", key.slice(0, 2)));
    expect(files.some((f) => f.startsWith(key.slice(3)))).toBe(true);

    // the same key again: nothing placed, the staged copy dropped
    const again = await staged(bytes);
    expect(await s.put(key, again, "image/webp")).toEqual({ placed: false });
    expect(await gone(again.file)).toBe(true);

    await s.delete(key);
    expect(await s.head(key)).toBeNull();
    expect(await s.stream(key)).toBeNull();
    await s.delete(key); // a missing key is not an error
  });

  it("answers null for keys that are not ours, and refuses to store under one", async () => {
    const s = s3Storage(config);
    for (const bad of ["../etc/passwd", "ab/short.webp", `AB/${"a".repeat(64)}.webp`]) {
      expect(await s.head(bad)).toBeNull();
      expect(await s.stream(bad)).toBeNull();
    }
    const source = await staged(Buffer.from("x"));
    await expect(s.put("../escape", source, "image/webp")).rejects.toThrow(/invalid media key/);
    expect(await gone(source.file)).toBe(false); // refused before anything was consumed
  });

  it("streams a 6 MB file back byte for byte, and many puts at once all land", async () => {
    const s = s3Storage(config);
    const big = crypto.randomBytes(6 * 1024 * 1024);
    const key = keyOf(big, "png");
    expect(await s.put(key, await staged(big), "image/png")).toEqual({ placed: true });
    expect((await buffer((await s.stream(key))!)).equals(big)).toBe(true);

    const many = Array.from({ length: 20 }, () => crypto.randomBytes(512));
    const results = await Promise.all(many.map(async (b) => s.put(keyOf(b), await staged(b), "image/webp")));
    expect(results.every((r) => r.placed)).toBe(true);
    for (const b of many) expect(await s.head(keyOf(b))).toEqual({ size: 512 });
  });

  it("a store that refuses for lack of space is a full disk to the upload path", async () => {
    const full = Object.assign(new Error("storage full"), {
      name: "XMinioStorageFull",
      $fault: "server",
      $metadata: { httpStatusCode: 507 },
    });
    const { S3ServiceException } = await import("@aws-sdk/client-s3");
    Object.setPrototypeOf(full, S3ServiceException.prototype);
    const client = { send: async () => Promise.reject(full) };
    const s = s3Storage(config, client as never);
    const source = await staged(Buffer.from("x"));
    await expect(s.put(keyOf(Buffer.from("x")), source, "image/webp")).rejects.toBeInstanceOf(
      StorageFullError,
    );
    expect(await gone(source.file)).toBe(true);
  });

  it("serves /media from the bucket when MEDIA_STORAGE=s3", async () => {
    const env = {
      MEDIA_STORAGE: "s3",
      S3_BUCKET: BUCKET,
      S3_ENDPOINT: config.endpoint,
      S3_ACCESS_KEY_ID: "S3RVER",
      S3_SECRET_ACCESS_KEY: "S3RVER",
      S3_PREFIX: "site-a",
    };
    const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
    Object.assign(process.env, env);
    try {
      const bytes = Buffer.from("GIF89a-not-really-but-bytes");
      const key = keyOf(bytes, "gif");
      await mediaStorage().put(key, await staged(bytes), "image/gif");
      const res = await serveMedia(new Request(`http://x/media/${key}`), {
        params: Promise.resolve({ key: key.split("/") }),
      });
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("image/gif");
      expect(res.headers.get("content-length")).toBe(String(bytes.length));
      expect(await text(res.body as unknown as AsyncIterable<Uint8Array>)).toBe(bytes.toString());
      const missing = await serveMedia(new Request("http://x/media/none"), {
        params: Promise.resolve({ key: ["00", `${"0".repeat(64)}.gif`] }),
      });
      expect(missing.status).toBe(404);
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  });
});
