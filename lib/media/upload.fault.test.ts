import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { faultDatabaseUrl, startFaultServer, type FaultServer } from "@/lib/test/fault-server";
import { noisePng, signIn, upload } from "@/server/test/fault-client";

// Finding 12 (upload memory) and 10 (disk full during an upload) against the production server.

const MB = 1024 * 1024;

async function mediaRows(): Promise<number> {
  const client = new pg.Client({ connectionString: faultDatabaseUrl() });
  await client.connect();
  try {
    return Number((await client.query<{ n: string }>("select count(*) as n from media")).rows[0]!.n);
  } finally {
    await client.end();
  }
}

const filesUnder = (dir: string) =>
  fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));

describe("20 concurrent 8 MB uploads", () => {
  let srv: FaultServer;
  let uploads: string;
  beforeAll(async () => {
    uploads = fs.mkdtempSync(path.join(os.tmpdir(), "byline-fault-uploads-"));
    srv = await startFaultServer({ name: "upload-memory", env: { UPLOAD_DIR: uploads } });
  });
  afterAll(async () => {
    await srv?.stop("SIGKILL");
    fs.rmSync(uploads, { recursive: true, force: true });
  });

  it("stay under 600 MB of server memory; each is stored (201) or shed with 503 + Retry-After", async () => {
    const cookie = await signIn(srv, "editor-chen@byline.test");
    const file = await noisePng(8 * MB);
    expect(file.length).toBeGreaterThan(8 * MB);
    expect(file.length).toBeLessThan(10 * MB);
    const before = await srv.peakRssBytes();
    const t0 = Date.now();
    const answers = await Promise.all(Array.from({ length: 20 }, () => upload(srv, { cookie, file })));
    const seconds = (Date.now() - t0) / 1000;
    const peak = await srv.peakRssBytes();
    const stored = answers.filter((a) => a.status === 201);
    const shed = answers.filter((a) => a.status === 503);
    console.log(
      `20 concurrent ${(file.length / MB).toFixed(1)} MB uploads: ${stored.length} stored, ${shed.length} shed (503) in ${seconds.toFixed(1)} s; ` +
        `server peak RSS ${(before / MB).toFixed(0)} MB before, ${(peak / MB).toFixed(0)} MB after`,
    );
    expect(stored.length + shed.length).toBe(20);
    expect(stored.length).toBeGreaterThanOrEqual(2);
    for (const a of shed) {
      expect(a.headers["retry-after"]).toBe("2");
      expect(JSON.parse(a.body).error.message).toBe("同时上传的图片太多，请稍等几秒再试。");
    }
    for (const a of stored)
      expect(JSON.parse(a.body)).toMatchObject({
        // the original stays a PNG (re-encoded); its WebP renditions are listed beside it
        url: expect.stringMatching(/^\/media\/[0-9a-f]{2}\/[0-9a-f]{64}\.png$/),
        srcset: expect.stringMatching(/\.webp 480w, .*\.webp 960w, .*\.webp 1600w$/),
      });
    expect(peak).toBeLessThan(600 * MB);
    // the stored files are whole, and the temporary folder is empty again
    expect(fs.readdirSync(path.join(uploads, ".tmp"))).toEqual([]);
  });
});

describe("an upload when the disk is full", () => {
  let srv: FaultServer;
  let mount: string;
  beforeAll(async () => {
    mount = fs.mkdtempSync(path.join(os.tmpdir(), "byline-full-disk-"));
    // A real full file system: a small tmpfs as the upload folder (the suite runs as root on
    // this machine and in CI). Its size is set per case with `mount -o remount,size=`.
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=4m", "tmpfs", mount]);
    srv = await startFaultServer({ name: "upload-disk-full", env: { UPLOAD_DIR: mount } });
  });
  afterAll(async () => {
    await srv?.stop("SIGKILL");
    if (mount) {
      execFileSync("umount", [mount]);
      fs.rmdirSync(mount);
    }
  });

  const remount = (bytes: number) => execFileSync("mount", ["-o", `remount,size=${bytes}`, mount]);

  it.each([
    ["while the upload streams in", (file: Buffer) => file.length - 2 * MB],
    ["while the re-encoded picture is stored", (file: Buffer) => file.length + 256 * 1024],
  ])("%s: 507 with a zh-CN message, no file and no row left behind", async (_when, sizeFor) => {
    const cookie = await signIn(srv, "editor-chen@byline.test");
    const file = await noisePng(6 * MB);
    remount(sizeFor(file));
    const rowsBefore = await mediaRows();
    const r = await upload(srv, { cookie, file });
    expect(r.status).toBe(507);
    expect(JSON.parse(r.body)).toEqual({
      error: {
        code: "INSUFFICIENT_STORAGE",
        message: "服务器存储空间已满，图片未能保存。请稍后重试，或联系管理员。",
      },
    });
    expect(filesUnder(mount)).toEqual([]);
    expect(await mediaRows()).toBe(rowsBefore);
  });

  it("with room again, the same upload is stored", async () => {
    remount(64 * MB);
    const cookie = await signIn(srv, "editor-chen@byline.test");
    const r = await upload(srv, { cookie, file: await noisePng(1 * MB) });
    expect(r.status).toBe(201);
    // a 578 px PNG: the original and WebP renditions at 480 and 578 px
    expect(filesUnder(mount)).toHaveLength(3);
  });
});
