import { describe, expect, it } from "vitest";
import { formatViewLine, parseViewLine } from "../lib/services/views/view-log.mjs";
import { createLinePutter, pathBytes, timeBytes } from "./view-line.mjs";

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

type Put = ReturnType<typeof createLinePutter>;

/** Puts a view as the server does: its time's bytes, its visitor read from a Cookie header among others. */
function putView(put: Put, buf: Buffer, at: number, v: View) {
  const cookie = v.visitor === undefined ? undefined : `theme=dark; bl_vid=${v.visitor}; x=1`;
  const from = cookie === undefined ? -1 : cookie.indexOf("bl_vid=") + "bl_vid=".length;
  return put(buf, at, timeBytes(v.at), pathBytes(v.url), v.ip, 0, cookie, from, v.userAgent);
}

describe("a view log line put byte by byte", () => {
  it("is the reference line, byte for byte, one after another in one buffer", () => {
    const put = createLinePutter();
    const buf = Buffer.alloc(4096);
    let at = 0;
    for (const v of views) at = putView(put, buf, at, v);
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
    // room for the line, but not for the rest of the Cookie header after the visitor's value
    expect(putView(put, buf, buf.length - line.length, v)).toBe(-1);
    expect(buf.every((b) => b === 0x2e)).toBe(true);
    expect(putView(put, buf, 0, v)).toBe(line.length);
    expect(buf.subarray(0, line.length).toString("latin1")).toBe(line);
  });

  it("puts every time as the reference does, whatever its number of digits", () => {
    const put = createLinePutter();
    const buf = Buffer.alloc(256);
    for (const at of [
      0, 7, 999, 1_000, 1_001, 59_999, 1_764_684_000_000, 1_764_684_000_999, 9_999_999_999_999,
    ]) {
      const v = { ...views[0]!, at };
      expect(buf.subarray(0, putView(put, buf, 0, v)).toString("latin1")).toBe(reference(v));
    }
  });

  it("copies the visitor's cookie value to its semicolon, trimmed as String.prototype.trim trims", () => {
    const put = createLinePutter();
    const buf = Buffer.alloc(256);
    const v = views[0]!;
    for (const [cookie, visitor] of [
      ["bl_vid=abc", "abc"],
      ["bl_vid=abc;", "abc"],
      ["bl_vid= \t abc \u00a0; bl_vid=later", "abc"],
      ["x=1; bl_vid=a b;y=2", "a b"],
      ["bl_vid=;x=1", ""],
      ["bl_vid=  ", ""],
      ["bl_vid=abc \t", "abc"],
      ["a=1; bl_vid=\u00a0a;b", "a"],
    ] as const) {
      const from = cookie.indexOf("bl_vid=") + "bl_vid=".length;
      const end = put(buf, 0, timeBytes(v.at), pathBytes(v.url), v.ip, 0, cookie, from, v.userAgent);
      expect(buf.subarray(0, end).toString("latin1")).toBe(reference({ ...v, visitor }));
    }
  });

  it("puts the address from where it is told to start (an IPv4 client of a dual-stack socket)", () => {
    const put = createLinePutter();
    const buf = Buffer.alloc(256);
    const v = views[0]!;
    const cookie = `bl_vid=${v.visitor}`;
    const end = put(buf, 0, timeBytes(v.at), pathBytes(v.url), `::ffff:${v.ip}`, 7, cookie, 7, v.userAgent);
    expect(buf.subarray(0, end).toString("latin1")).toBe(reference(v));
    // the room it asks for is the address's, not the whole string's
    const line = reference(v);
    const tight = Buffer.alloc(line.length + cookie.length - 7 - v.visitor!.length);
    expect(
      put(tight, 0, timeBytes(v.at), pathBytes(v.url), `::ffff:${v.ip}`, 7, cookie, 7, v.userAgent),
    ).toBe(tight.length);
  });

  it("tells apart two user agents that share a slot (the same length and sampled characters)", () => {
    const put = createLinePutter();
    const buf = Buffer.alloc(512);
    // they differ only in their second character, which the slot does not read
    const agents = [`aX${"b".repeat(98)}`, `aY${"b".repeat(98)}`];
    for (let i = 0; i < 6; i++) {
      const v = { ...views[0]!, userAgent: agents[i % 2] };
      expect(buf.subarray(0, putView(put, buf, 0, v)).toString("latin1")).toBe(reference(v));
    }
  });

  it("keeps the bytes of a bounded number of user agents", () => {
    const put = createLinePutter();
    const buf = Buffer.alloc(256);
    // more agents than it keeps: each line still exact
    for (let i = 0; i < 1_100; i++) {
      const v = { ...views[0]!, userAgent: `UA/${i} "q"` };
      const end = putView(put, buf, 0, v);
      expect(buf.subarray(0, end).toString("latin1")).toBe(reference(v));
    }
  });
});
