import { describe, expect, it } from "vitest";
import { minPasswordLength, passwordProblems } from "./password-policy";

const reader = { role: "READER" as const, email: "lin.wei@example.com", siteName: "署名 Byline" };
const editor = { ...reader, role: "EDITOR" as const };

describe("password policy", () => {
  it("accepts a long, unusual passphrase with spaces, exactly as typed", () => {
    expect(passwordProblems("  紫色 长颈鹿 fixes 铁轨 at dawn ", reader)).toEqual([]);
    expect(passwordProblems("correct horse battery staple", reader)).toEqual([]);
  });

  it("needs 10 characters for readers and contributors, 12 for staff, and at most 128", () => {
    expect(minPasswordLength("READER")).toBe(10);
    expect(minPasswordLength("CONTRIBUTOR")).toBe(10);
    expect(minPasswordLength("TRANSLATOR")).toBe(12);
    expect(minPasswordLength("ADMIN")).toBe(12);
    expect(passwordProblems("q7#Vx!2pLz", reader)).toEqual([]);
    expect(passwordProblems("q7#Vx!2pLz", editor)).toEqual(["密码至少需要 12 个字符（编辑部成员账号）。"]);
    expect(passwordProblems("q7#Vx!2p", reader)).toEqual(["密码至少需要 10 个字符。"]);
    expect(passwordProblems("x".repeat(129), reader)).toEqual(["密码最多 128 个字符。"]);
  });

  it("counts characters, not UTF-16 units: ten emoji are ten characters", () => {
    expect(passwordProblems("🔐🦒🚂🌅🧪🎻🪐🥟🧭🪁", reader)).not.toContainEqual(
      expect.stringContaining("至少需要"),
    );
  });

  it("refuses common and breached passwords with zh-CN advice", () => {
    for (const p of ["password123", "qwertyuiop", "1234567890", "iloveyou12", "aaaaaaaaaaaa"]) {
      const problems = passwordProblems(p, reader);
      expect(problems, p).toHaveLength(1);
      expect(problems[0], p).toContain("建议用一句只有你知道");
    }
  });

  it("refuses the site name in any case and the email's local part", () => {
    expect(passwordProblems("my BYLINE secret garden", reader)).toEqual(["密码不能包含站点名称。"]);
    expect(passwordProblems("署名网站的超长秘密花园啊", reader)).toEqual(["密码不能包含站点名称。"]);
    expect(passwordProblems("Lin.Wei purple giraffe", reader)).toEqual([
      "密码不能包含你的邮箱地址或邮箱用户名。",
    ]);
  });

  it("refuses NUL and lone surrogates", () => {
    expect(passwordProblems("good long pass\u0000phrase", reader)[0]).toContain("无法识别的字符");
    expect(passwordProblems("good long pass\uD800phrase", reader)[0]).toContain("无法识别的字符");
  });
});
