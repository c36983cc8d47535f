import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseBody } from "./body-error";

const schema = z.strictObject({
  title: z.string({ error: "请填写标题" }),
  version: z.number().int(),
  ids: z.array(z.string()).optional(),
});

const errorOf = (value: unknown) => {
  try {
    parseBody(schema, value);
  } catch (e) {
    return e as { code: string; message: string; fieldErrors: Record<string, string[]> };
  }
  throw new Error("parsed");
};

describe("parseBody", () => {
  it("returns the parsed value", () => {
    expect(parseBody(schema, { title: "a", version: 1 })).toEqual({ title: "a", version: 1 });
  });

  it("names the field and keeps the schema's own zh-CN message", () => {
    const e = errorOf({ title: { $ne: null }, version: 1 });
    expect(e).toMatchObject({ code: "INVALID", message: "字段 title：请填写标题。" });
  });

  it("says a wrong type in zh-CN where the schema has no message of its own", () => {
    expect(errorOf({ title: "a", version: "1" }).message).toBe("字段 version：须为数字。");
    expect(errorOf({ title: "a", version: 1, ids: [{ $gt: "" }] }).message).toBe("字段 ids.0：须为文本。");
    expect(errorOf([1]).message).toBe("请求内容须为 JSON 对象。");
    expect(errorOf(null).message).toBe("请求内容须为 JSON 对象。");
  });

  it("puts unknown fields first, and never repeats a name that could read as markup", () => {
    const e = errorOf({ version: "x", authorId: "u", "<img src=x>": 1 });
    expect(e.message).toBe("不支持的字段：authorId、（无法显示的字段名）。");
    expect(JSON.stringify(e.fieldErrors)).not.toContain("<");
    expect(Object.keys(e.fieldErrors)).toEqual(expect.arrayContaining(["_", "title", "version"]));
  });
});
