import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { checkReadiness } from "./check-readiness";

const saved = process.env.UPLOAD_DIR;
afterEach(() => {
  if (saved === undefined) delete process.env.UPLOAD_DIR;
  else process.env.UPLOAD_DIR = saved;
});

describe("checkReadiness", () => {
  it("is ready with the database up and a writable media store, and leaves no probe file", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "byline-ready-"));
    process.env.UPLOAD_DIR = dir;
    const r = await checkReadiness();
    expect(r.ok).toBe(true);
    expect(r.checks.database).toMatchObject({ ok: true, message: "数据库连接正常" });
    expect(r.checks.storage).toMatchObject({ ok: true, message: "媒体存储可写" });
    expect(r.checks.redis).toMatchObject({ ok: true, configured: false });
    expect(fs.readdirSync(path.join(dir, ".tmp"))).toEqual([]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("names the media store when it cannot take a file", async () => {
    // a regular file where the upload folder should be: nothing can be staged under it
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "byline-ready-")), "not-a-dir");
    fs.writeFileSync(file, "x");
    process.env.UPLOAD_DIR = file;
    const r = await checkReadiness();
    expect(r.ok).toBe(false);
    expect(r.checks.database.ok).toBe(true);
    expect(r.checks.storage).toMatchObject({ ok: false, message: "媒体存储不可写（磁盘已满或没有权限）" });
  });
});
