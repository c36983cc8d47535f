import { describe, expect, it } from "vitest";
import { scoreCvss, severityOf } from "./cvss";

// base scores as published by NVD / FIRST for these vectors
describe("scoreCvss: published CVSS 3.1 vectors", () => {
  it.each<[string, number, string]>([
    ["CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8, "CRITICAL"],
    // CVE-2021-44228 (Log4Shell), CVE-2024-3094 (xz)
    ["CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", 10.0, "CRITICAL"],
    // CVE-2014-0160 (Heartbleed) as rescored in 3.x
    ["CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N", 7.5, "HIGH"],
    ["CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H", 8.8, "HIGH"],
    ["CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H", 7.8, "HIGH"],
    ["CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H", 8.1, "HIGH"],
    // a typical reflected XSS
    ["CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N", 6.1, "MEDIUM"],
  ])("%s = %s", (vector, score, severity) => {
    expect(scoreCvss(vector)).toEqual({ version: "3.1", vector, score, severity });
  });

  it("scores 3.0 vectors too", () => {
    expect(scoreCvss("CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")?.score).toBe(9.8);
  });
});

describe("scoreCvss: published CVSS 4.0 vectors", () => {
  it.each<[string, number, string]>([
    ["CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", 9.3, "CRITICAL"],
    ["CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H", 10.0, "CRITICAL"],
    ["CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", 8.5, "HIGH"],
    ["CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:A/VC:N/VI:N/VA:N/SC:L/SI:L/SA:N", 5.1, "MEDIUM"],
    ["CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:N/VA:N/SC:N/SI:N/SA:N", 6.9, "MEDIUM"],
  ])("%s = %s", (vector, score, severity) => {
    expect(scoreCvss(vector)).toEqual({ version: "4.0", vector, score, severity });
  });
});

describe("scoreCvss: refused", () => {
  it.each([
    "",
    "garbage",
    "AV:N/AC:L/Au:N/C:P/I:P/A:P",
    "CVSS:2.0/AV:N/AC:L/Au:N/C:P/I:P/A:P",
    "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H",
    "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:Q",
    "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/ZZ:1",
    "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H",
    "CVSS:3.1/" + "AV:N/".repeat(60),
    "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H<script>",
  ])("%s", (vector) => {
    expect(scoreCvss(vector)).toBeNull();
  });
});

describe("severityOf", () => {
  it.each<[number, string]>([
    [0, "NONE"],
    [0.1, "LOW"],
    [3.9, "LOW"],
    [4, "MEDIUM"],
    [6.9, "MEDIUM"],
    [7, "HIGH"],
    [8.9, "HIGH"],
    [9, "CRITICAL"],
    [10, "CRITICAL"],
  ])("%s → %s", (score, severity) => {
    expect(severityOf(score)).toBe(severity);
  });
});
