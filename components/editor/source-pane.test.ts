import { describe, expect, it } from "vitest";
import { sourceParagraphs } from "./source-pane";

describe("sourceParagraphs", () => {
  it("splits on blank lines, whatever the line endings, and drops empty paragraphs", () => {
    expect(sourceParagraphs("One.\r\n\r\nTwo\nstill two.\n\n \n\nThree.  ")).toEqual([
      "One.",
      "Two\nstill two.",
      "Three.",
    ]);
    expect(sourceParagraphs("   ")).toEqual([]);
  });
});
