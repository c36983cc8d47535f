import { mkdtemp, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { readMailDir } from "./read-mail-dir";

/** sendMail in test mode (jsonTransport into MAIL_DIR) with hostile subject, body and recipient. */
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "byline-mail-"));
  Object.assign(process.env, {
    MAIL_DIR: dir,
    BYLINE_TEST: "1",
    DATABASE_URL: process.env.DATABASE_URL ?? "postgresql://unused/test",
  });
});

const send = async (mail: { to: string; subject: string; text: string }) =>
  (await import("./send-mail")).sendMail(mail);

describe("sendMail escapes every mail it sends", () => {
  it("a subject with CR/LF stays one header; the body loses control characters", async () => {
    await send({
      to: "reader@example.com",
      subject: "重置\r\nBcc: evil@example.com\r\n\r\n<b>x</b>",
      text: "你好\r\n链接\u0000\u001b[31m\rend",
    });
    const [mail] = await readMailDir(dir, "reader@example.com");
    expect(mail!.subject).toBe("重置 Bcc: evil@example.com <b>x</b>");
    expect(mail!.text).toBe("你好\n链接[31m\nend");
    const raw = JSON.parse(await readFile(path.join(dir, mail!.file), "utf8")) as {
      to: unknown[];
      bcc?: unknown;
    };
    expect(raw.to).toEqual([{ address: "reader@example.com", name: "" }]);
    expect(raw.bcc).toBeUndefined();
  });

  it("refuses a recipient that is not one bare address, and sends nothing", async () => {
    for (const to of [
      "a@example.com, b@example.com",
      "a@example.com\r\nBcc: c@example.com",
      "Eve <e@example.com>",
    ]) {
      await expect(send({ to, subject: "s", text: "t" })).rejects.toThrow(TypeError);
    }
    expect((await readMailDir(dir)).map((m) => m.to)).toEqual(["reader@example.com"]);
  });
});
