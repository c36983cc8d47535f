/**
 * Acceptance (issue 14): export the seeded demo site (the fault suite's database), import it into an empty freshly migrated
 * database, serve both with the production build, and every public page is byte-identical
 * (CSP nonce aside: scripts/lib/site-roundtrip.mjs). Then the check is shown to fail: one title
 * changed in the imported database is reported. Servers, build copies and the comparison:
 * lib/test/site-servers.ts.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, it } from "vitest";
import {
  expectSameSites,
  faultSite,
  recreateDatabase,
  runScript,
  siteServers,
  type Site,
} from "@/lib/test/site-servers";

const work = path.resolve(import.meta.dirname, "../../..", ".data", "test-roundtrip");
const B: Site = { db: "byline_test_roundtrip_b", uploads: path.join(work, "uploads-b") };
const servers = siteServers("roundtrip");

beforeAll(async () => {
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true });
  await recreateDatabase(B.db, { migrated: true });
  const archive = path.join(work, "site.zip");
  await runScript("site-export.mjs", [archive], faultSite());
  await runScript("site-import.mjs", [archive], B);
}, 240_000);

afterAll(async () => {
  await servers.cleanup();
  fs.rmSync(work, { recursive: true, force: true });
});

describe("site export → import round trip", () => {
  it("serves every public page byte for byte the same, and reports a changed title", async () => {
    await expectSameSites("round trip", servers, faultSite(), B);
  }, 600_000);
});
