import { describe, expect, it } from "vitest";
import { formatViewLine, parseViewLine } from "../lib/services/views/view-log.mjs";
import { createLinePutter } from "./view-line.mjs";

type View = {
  at: number;
  url: string;
  visitor: string | undefined;
  ip: string;
  userAgent: string | undefined;
};

const views: View[] = [
  {
    at: 1_764_684_000_123,
    url: "/posts/abc123",
    visitor: "AAAAAAAAAAAAAAAAAAAAAA",
    ip: "192.0.2.9",
    userAgent: "UA/1.0",
  },
  {
    at: 1_764_684_000_123,
    url: "/posts/abc123?from=wechat&x=%22",
    visitor: undefined,
    ip: "::1",
    userAgent: undefined,
  },
  { at: 1_764_684_000_124, url: "/posts/A_b-0123456789xy", visitor: "", ip: "", userAgent: "" },
  // written as they came, as nginx does (escape=none): quotes, backslashes, tabs, control and
  // non-ASCII bytes (latin1, as Node holds headers)
  {
    at: 1_764_684_001_000,
    url: "/posts/x",
    visitor: 'a"b\\c',
    ip: "2001:db8::1",
    userAgent: 'Odd "agent" \\ \u00e9\t\u007f',
  },
  { at: 1, url: "/posts/x", visitor: "v", ip: "10.0.0.1", userAgent: 'Odd "agent" \\ \u00e9\t\u007f' },
];

const reference = (v: View) => formatViewLine({ ...v, publicId: /^\/posts\/([^?]+)/.exec(v.url)![1]! });

describe("a view log line put byte by byte", () => {
  it("is the reference line, byte for byte, one after another in one buffer", () => {
    const put = createLinePutter();
    const buf = Buffer.alloc(4096);
    let at = 0;
    for (const v of views) at = put(buf, at, v);
    expect(buf.subarray(0, at).toString("latin1")).toBe(views.map(reference).join(""));
    const lines = buf.subarray(0, at).toString("latin1").split("\n").filter(Boolean);
    expect(lines.map((l) => parseViewLine(l)?.publicId)).toEqual([
      "abc123",
      "abc123",
      "A_b-0123456789xy",
      "x",
      "x",
    ]);
  });

  it("writes nothing and says -1 when the line might not fit what is left", () => {
    const put = createLinePutter();
    const v = views[0]!;
    const line = reference(v);
    const buf = Buffer.alloc(line.length + 200).fill(0x2e);
    // room for the line, but not for the longest path and time a line can have
    expect(put(buf, buf.length - line.length, v)).toBe(-1);
    expect(buf.every((b) => b === 0x2e)).toBe(true);
    expect(put(buf, 0, v)).toBe(line.length);
    expect(buf.subarray(0, line.length).toString("latin1")).toBe(line);
  });

  it("puts every time as the reference does, whatever its number of digits", () => {
    const put = createLinePutter();
    const buf = Buffer.alloc(256);
    for (const at of [
      0, 7, 999, 1_000, 1_001, 59_999, 1_764_684_000_000, 1_764_684_000_999, 9_999_999_999_999,
    ]) {
      const v = { ...views[0]!, at };
      expect(buf.subarray(0, put(buf, 0, v)).toString("latin1")).toBe(reference(v));
    }
  });

  it("tells apart two user agents that share a slot (the same length and sampled characters)", () => {
    const put = createLinePutter();
    const buf = Buffer.alloc(512);
    // they differ only in their second character, which the slot does not read
    const agents = [`aX${"b".repeat(98)}`, `aY${"b".repeat(98)}`];
    for (let i = 0; i < 6; i++) {
      const v = { ...views[0]!, userAgent: agents[i % 2] };
      expect(buf.subarray(0, put(buf, 0, v)).toString("latin1")).toBe(reference(v));
    }
  });

  it("keeps the bytes of a bounded number of user agents", () => {
    const put = createLinePutter();
    const buf = Buffer.alloc(256);
    // more agents than it keeps: each line still exact
    for (let i = 0; i < 1_100; i++) {
      const v = { ...views[0]!, userAgent: `UA/${i} "q"` };
      const end = put(buf, 0, v);
      expect(buf.subarray(0, end).toString("latin1")).toBe(reference(v));
    }
  });
});
