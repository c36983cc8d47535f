import nodeFs from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { receiveUpload, UploadTooLargeError } from "./receive-upload";
import { StorageFullError } from "./storage";

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "byline-receive-"));
  process.env.UPLOAD_DIR = dir;
});
afterEach(async () => {
  vi.restoreAllMocks();
  await fs.rm(dir, { recursive: true, force: true });
});

function formRequest(form: FormData): Request {
  return new Request("http://localhost/api/media", { method: "POST", body: form });
}
const tmpFiles = async () => fs.readdir(path.join(dir, ".tmp")).catch(() => []);

describe("receiveUpload", () => {
  it("streams the file part to a temporary file in the upload folder and returns the text fields", async () => {
    const form = new FormData();
    form.set("alt", "一张图");
    form.set("file", new Blob([Buffer.alloc(300_000, 7)]), "a.png");
    const got = await receiveUpload(formRequest(form), 1_000_000);
    expect(got.fields).toEqual({ alt: "一张图" });
    expect(path.dirname(got.file)).toBe(path.join(dir, ".tmp"));
    expect((await fs.readFile(got.file)).equals(Buffer.alloc(300_000, 7))).toBe(true);
  });

  it("stops at the size limit and leaves no temporary file", async () => {
    const form = new FormData();
    form.set("file", new Blob([Buffer.alloc(2_000_000)]), "big.png");
    await expect(receiveUpload(formRequest(form), 1_000_000)).rejects.toBeInstanceOf(UploadTooLargeError);
    expect(await tmpFiles()).toEqual([]);
  });

  it("refuses a body that is not a form, a form without a file, and a broken form, in zh-CN", async () => {
    const json = new Request("http://localhost/api/media", {
      method: "POST",
      body: "{}",
      headers: { "content-type": "application/json" },
    });
    await expect(receiveUpload(json, 1000)).rejects.toMatchObject({
      code: "INVALID",
      message: "请以表单方式上传图片文件。",
    });
    const noFile = new FormData();
    noFile.set("alt", "x");
    await expect(receiveUpload(formRequest(noFile), 1000)).rejects.toMatchObject({
      code: "INVALID",
      message: "请选择要上传的图片。",
    });
    const broken = new Request("http://localhost/api/media", {
      method: "POST",
      body: '--b\r\nContent-Disposition: form-data; name="file"; filename="a"\r\n\r\nabc',
      headers: { "content-type": "multipart/form-data; boundary=b" },
    });
    await expect(receiveUpload(broken, 1000)).rejects.toMatchObject({ code: "INVALID" });
    expect(await tmpFiles()).toEqual([]);
  });

  it("reports a full disk as StorageFullError, reads the rest of the body, and leaves no temporary file", async () => {
    const real = nodeFs.createWriteStream;
    // the file system fills up during the first write: a real, partly written file is left to clean up
    vi.spyOn(nodeFs, "createWriteStream").mockImplementation(((file: string, opts: object) => {
      const out = real(file, opts);
      const write = out._write.bind(out);
      out._writev = undefined;
      // part of the first chunk reaches the disk, then the disk is full
      out._write = (chunk: Buffer, enc, cb) =>
        write(chunk.subarray(0, 1000), enc, () =>
          cb(Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" })),
        );
      return out;
    }) as typeof nodeFs.createWriteStream);
    const form = new FormData();
    form.set("file", new Blob([Buffer.alloc(3_000_000, 1)]), "a.png");
    const req = formRequest(form);
    await expect(receiveUpload(req, 10_000_000)).rejects.toBeInstanceOf(StorageFullError);
    expect(req.bodyUsed).toBe(true);
    expect(await tmpFiles()).toEqual([]);
  });
});
