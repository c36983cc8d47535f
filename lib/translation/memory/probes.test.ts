import { describe, expect, it } from "vitest";
import { containsPattern } from "@/lib/db/like";
import { MAX_WORD_PROBES, probesFor } from "./probes";

describe("probesFor", () => {
  it("takes numbers and names, then phrases from the start, middle and end", () => {
    const p = probesFor(
      "APT29 has been exploiting CVE-2023-21636 in Windows SMB since at least March, researchers said.",
    );
    expect(p.words).toEqual(["cve-2023-21636", "apt29", "windows"]);
    expect(p.all).toEqual([...p.words, "apt29 has been", "in windows smb", "march, researchers said."]);
  });

  it("keeps a number with thousands separators whole, and takes the longest plain words when nothing stands out", () => {
    expect(probesFor("The breach exposed records of 1,270,614 people served by law firms.").words).toEqual([
      "1,270,614",
      "exposed",
    ]);
    expect(probesFor("the company said it found no evidence of data theft").words).toEqual([
      "evidence",
      "company",
    ]);
  });

  it("skips stopwords and words too short to have a trigram of their own", () => {
    const p = probesFor("It was the one they had, and it is not new.");
    expect(p.words).toEqual([]);
    expect(p.all).toEqual(["it was the", "they had, and", "is not new."]);
  });

  it("uses a short text whole, and nothing without three letters or digits in a row", () => {
    expect(probesFor("Ransomware").all).toEqual(["ransomware"]);
    expect(probesFor("Patch now").all).toEqual(["patch", "patch now"]);
    expect(probesFor("a b").all).toEqual([]);
    expect(probesFor("—").all).toEqual([]);
  });

  it("keeps at most a few words, and no probe twice", () => {
    const p = probesFor("Lockbit Blackcat Akira Rhysida Medusa Bianlian Pikabot");
    expect(p.words).toHaveLength(MAX_WORD_PROBES);
    expect(new Set(p.all).size).toBe(p.all.length);
  });
});

describe("containsPattern", () => {
  it("makes LIKE's wildcards and escape character literal", () => {
    expect(containsPattern("50%_off\\x")).toBe("%50\\%\\_off\\\\x%");
  });
});
