import { describe, expect, it } from "vitest";
import { collectIocItems } from "./collect";

const row = (type: string, value: string, malicious = true) => ({ type, value, context: "", malicious });
const block = (...items: unknown[]) => ({ type: "iocBlock", attrs: { items } });

describe("collectIocItems", () => {
  it("gathers the rows of every block in reading order, normalised, each once", () => {
    const doc = {
      type: "doc",
      content: [
        block(row("domain", "Evil.Example"), row("ipv4", "192.0.2.1")),
        { type: "paragraph", content: [{ type: "text", text: "evil.example" }] },
        {
          type: "blockquote",
          content: [block(row("domain", "evil.example", false), row("cve", "cve-2024-3094"))],
        },
      ],
    };
    expect(collectIocItems(doc)).toEqual([
      row("domain", "evil.example"),
      row("ipv4", "192.0.2.1"),
      row("cve", "CVE-2024-3094"),
    ]);
  });

  it("skips rows that do not validate and tolerates junk", () => {
    expect(collectIocItems({ type: "doc", content: [block(row("ipv4", "<b>"), { x: 1 }), null, 3] })).toEqual(
      [],
    );
    expect(collectIocItems(null)).toEqual([]);
  });
});
