import { describe, expect, it } from "vitest";
import { checkAddress, isBlockedHostName, isIpLiteral } from "./address-policy";

describe("checkAddress", () => {
  it.each([
    ["127.0.0.1", "loopback"],
    ["127.255.0.9", "loopback"],
    ["::1", "loopback"],
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:7f00:1", "loopback"],
    ["10.0.0.1", "private"],
    ["172.16.5.4", "private"],
    ["172.31.255.255", "private"],
    ["192.168.1.1", "private"],
    ["::ffff:192.168.1.1", "private"],
    ["fc00::1", "uniqueLocal"],
    ["fd12:3456::1", "uniqueLocal"],
    ["169.254.169.254", "linkLocal"],
    ["169.254.0.1", "linkLocal"],
    ["fe80::1", "linkLocal"],
    ["100.64.0.1", "carrierGradeNat"],
    ["100.127.255.254", "carrierGradeNat"],
    ["0.0.0.0", "unspecified"],
    ["0.1.2.3", "unspecified"],
    ["::", "unspecified"],
    ["224.0.0.1", "multicast"],
    ["ff02::1", "multicast"],
    ["240.0.0.1", "reserved"],
    ["255.255.255.255", "broadcast"],
    ["192.0.2.10", "reserved"],
    ["2001:db8::1", "reserved"],
    ["64:ff9b::a00:1", "rfc6052"],
    ["2002:a00:1::", "6to4"],
    ["2001::1", "teredo"],
    ["not-an-ip", "invalid"],
  ])("refuses %s (%s)", (address, range) => {
    expect(checkAddress(address)).toEqual({ ok: false, range });
  });

  it.each([
    "93.184.216.34",
    "8.8.8.8",
    "1.1.1.1",
    "2606:4700:4700::1111",
    "::ffff:8.8.8.8",
    "172.32.0.1",
    "100.128.0.1",
  ])("accepts the public address %s", (address) => {
    expect(checkAddress(address)).toEqual({ ok: true, loopback: false });
  });

  it("lets loopback, and only loopback, through with the test allowance", () => {
    expect(checkAddress("127.0.0.1", true)).toEqual({ ok: true, loopback: true });
    expect(checkAddress("::1", true)).toEqual({ ok: true, loopback: true });
    expect(checkAddress("[::1]", true)).toEqual({ ok: true, loopback: true });
    for (const a of ["10.0.0.1", "169.254.169.254", "192.168.0.1", "fc00::1", "0.0.0.0", "fe80::1"])
      expect(checkAddress(a, true).ok).toBe(false);
  });
});

describe("host names", () => {
  it.each([
    "metadata.google.internal",
    "METADATA.GOOGLE.INTERNAL.",
    "metadata",
    "localhost",
    "app.localhost",
    "printer.local",
    "db.internal",
    "router.home.arpa",
  ])("refuses %s by name", (name) => {
    expect(isBlockedHostName(name)).toBe(true);
  });

  it.each(["www.bleepingcomputer.com", "example.com", "internal.example.com", "local.news"])(
    "leaves %s to DNS and the address check",
    (name) => {
      expect(isBlockedHostName(name)).toBe(false);
    },
  );

  it("recognises IP literals as WHATWG URL normalises them", () => {
    for (const raw of ["http://0x7f000001/", "http://2130706433/", "http://127.1/", "http://017700000001/"]) {
      const host = new URL(raw).hostname;
      expect(host).toBe("127.0.0.1");
      expect(isIpLiteral(host)).toBe(true);
      expect(checkAddress(host).ok).toBe(false);
    }
    expect(isIpLiteral(new URL("http://[::ffff:127.0.0.1]/").hostname)).toBe(true);
    expect(isIpLiteral("example.com")).toBe(false);
  });
});
