import { describe, expect, it } from "vitest";
import { findMentions } from "./mentions";

const people = [{ displayName: "张三" }, { displayName: "张三丰" }, { displayName: "Li Lei" }];
const names = (body: string) => findMentions(body, people).map((p) => p.displayName);

describe("findMentions", () => {
  it("finds @names ending at whitespace, punctuation or the end", () => {
    expect(names("@张三，请看第二段")).toEqual(["张三"]);
    expect(names("请 @Li Lei 确认")).toEqual(["Li Lei"]);
    expect(names("谢谢@张三")).toEqual(["张三"]);
  });
  it("prefers the longest name and does not read a prefix as a mention", () => {
    expect(names("@张三丰 你好")).toEqual(["张三丰"]);
    expect(names("@张三丰 和 @张三 都看看")).toEqual(["张三丰", "张三"]);
    expect(names("@张三四")).toEqual([]);
  });
  it("ignores names without @ and mentions each person once", () => {
    expect(names("张三 说的对")).toEqual([]);
    expect(names("@张三 @张三")).toEqual(["张三"]);
  });
});
