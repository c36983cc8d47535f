import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { AppError } from "@/lib/errors";
import { parseQuery } from "./query";
import { articleListQuerySchema, emptyQuerySchema, searchQuerySchema } from "./schemas";

const url = (qs: string) => new URL(`http://localhost/api/v1/articles${qs}`);

function refusal(qs: string, schema: z.ZodObject = articleListQuerySchema): AppError {
  try {
    parseQuery(url(qs), schema);
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe("INVALID");
    return e as AppError;
  }
  throw new Error(`accepted: ${qs}`);
}

describe("parseQuery", () => {
  it("accepts every documented article filter", () => {
    const q = parseQuery(
      url(
        "?limit=50&category=web-sec&tag=apt-29&author=u1&translator=u2&member=u3&from=2026-01-01&to=2026-01-31T08:00:00%2B08:00&cve=cve-2024-3094&fields=title,url",
      ),
      articleListQuerySchema,
    );
    expect(q).toMatchObject({ limit: "50", category: "web-sec", cve: "cve-2024-3094", fields: "title,url" });
    expect(parseQuery(url(""), articleListQuerySchema)).toEqual({});
  });

  it("refuses unknown names in zh-CN, naming what is accepted", () => {
    const e = refusal("?where=1");
    expect(e.message).toMatch(/^不支持的参数：where。这个接口只接受：cursor、limit、/);
    expect(refusal("?x=1", emptyQuerySchema).message).toBe("不支持的参数：x。这个接口不接受查询参数。");
  });

  it("refuses operator-shaped names and values", () => {
    for (const qs of [
      "?category[$ne]=x",
      "?category%5B%24gt%5D=",
      "?__proto__=x",
      "?constructor=x",
      '?category={"$ne":null}',
      "?author[]=u1",
      "?limit[$gt]=1",
      "?tag=a'%20OR%201=1--",
    ])
      expect(refusal(qs).message, qs).toMatch(/^(不支持的参数|参数 \S+ 无效)/);
  });

  it("refuses repeated names, NUL and other controls, and overlong values", () => {
    expect(refusal("?tag=a&tag=b").message).toBe("参数 tag 只能出现一次。");
    expect(refusal("?tag=a%00").message).toBe("查询参数中含有控制字符（如 NUL），请去掉后重试。");
    expect(refusal("?q=%00", searchQuerySchema).message).toContain("控制字符");
    expect(refusal("?ta%00g=a").message).toContain("控制字符");
    expect(refusal(`?q=${"a".repeat(301)}`, searchQuerySchema).message).toBe(
      "参数 q 过长（最多 300 个字符）。",
    );
  });

  it("checks each value with a zh-CN message that says what to send", () => {
    expect(refusal("?limit=0").message).toBe("参数 limit 无效：须为 1 到 50 之间的整数。");
    expect(refusal("?limit=51").message).toBe("参数 limit 无效：须为 1 到 50 之间的整数。");
    expect(refusal("?limit=1e1").message).toContain("limit");
    expect(refusal("?cursor=garbage").message).toBe(
      "参数 cursor 无效：游标无效，请使用上一页响应中的 next_cursor。",
    );
    expect(refusal("?from=2026-02-30").message).toContain("参数 from 无效：须为 ISO 8601 日期");
    expect(refusal("?cve=CVE-24-1").message).toContain("CVE-2024-3094");
    expect(refusal("?fields=title,password").message).toContain("可选：publicId, url");
    expect(refusal("?category=Web_Sec").message).toContain("参数 category 无效");
    expect(refusal("?q=%20%20", searchQuerySchema).message).toBe("参数 q 无效：请填写搜索词。");
    expect(refusal("", searchQuerySchema).message).toBe("缺少参数 q。");
    expect(refusal("?q=a&page=51", searchQuerySchema).message).toContain("参数 page 无效");
  });

  it("never repeats a name that could read as markup", () => {
    const e = refusal("?%3Cscript%3E=1");
    expect(e.message).not.toContain("<");
    expect(e.message).toContain("（无法显示的参数名）");
  });
});
