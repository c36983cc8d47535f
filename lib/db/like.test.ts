import { describe, expect, it } from "vitest";
import { containsPattern, escapeLike } from "./like";

describe("escapeLike", () => {
  it("takes %, _ and the backslash literally and leaves the rest", () => {
    expect(escapeLike("100%_a\\b 漏洞")).toBe("100\\%\\_a\\\\b 漏洞");
    expect(containsPattern("x_y")).toBe("%x\\_y%");
  });
});
