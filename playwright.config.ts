import { defineConfig, devices } from "@playwright/test";

/**
 * e2e against the production build that scripts/test.mjs starts (BASE_URL). Debian's Chromium,
 * never a downloaded browser. One storage state per role, made by e2e/auth.setup.ts.
 */
const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
  ],
};

// specs that change what every page shows (comment rules, site name, navigation, category order)
const SITE_WIDE = [
  /admin\/moderation-rules\.spec\.ts/,
  /comments\/acceptance\.spec\.ts/,
  /e2e\/site-wide\/[^/]+\.spec\.ts/,
];

export default defineConfig({
  testDir: "e2e",
  // the English source site the translation specs ingest from (lib/test/source-fixtures)
  globalSetup: "./e2e/global-setup.ts",
  outputDir: ".data/test-results",
  fullyParallel: true,
  workers: 2,
  // one retry: on a shared 2-core machine a browser step now and then misses its deadline; a test
  // that passes only on its retry is reported as flaky, by name, at the end of `npm test`
  retries: 1,
  // generous: CI shares 2 cores between the production server, Chromium and the runner
  timeout: 60_000,
  expect: { timeout: 20_000 },
  reporter: [["list"], ["json"]],
  use: {
    baseURL: process.env.BASE_URL ?? "http://localhost:3000",
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: chromium,
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    {
      name: "chromium",
      use: { ...devices["Desktop Chrome"], launchOptions: chromium },
      dependencies: ["setup"],
      testIgnore: [/leak-scan\.spec\.ts/, ...SITE_WIDE],
    },
    // specs that change site-wide settings run alone, after the rest (e2e/site-wide/ and the two
    // comment-rule specs): a reader's comment elsewhere would otherwise be held by a rule it never
    // expected, a header assertion would meet another site name; each restores what it changed
    // the sign-ins again, once the rest is done: a staff session ends after 30 minutes without a
    // request (lib/auth/claims.ts STAFF_IDLE_MS), and on a busy machine the rest took about that
    // long, so the site-wide specs met the first sign-ins' sessions ended (signed out, 404)
    {
      name: "setup-site-wide",
      testMatch: /auth\.setup\.ts/,
      dependencies: ["chromium"],
    },
    {
      name: "site-wide",
      testMatch: SITE_WIDE,
      use: { ...devices["Desktop Chrome"], launchOptions: chromium },
      dependencies: ["setup-site-wide"],
      workers: 1,
    },
    // last: scans what every other spec made the server say and log
    {
      name: "leak-scan",
      testMatch: /leak-scan\.spec\.ts/,
      use: { launchOptions: chromium },
      dependencies: ["site-wide"],
    },
  ],
});
