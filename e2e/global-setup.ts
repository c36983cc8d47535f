import { startSourceFixtures } from "../lib/test/source-fixtures";
import { E2E_SOURCE_PAGE, E2E_SOURCE_PAGE_NAME } from "./translation/source-page";

/**
 * The English source site the translation specs ingest from: the fixture server of
 * lib/test/source-fixtures on a loopback port (the e2e server runs with
 * BYLINE_TEST_ALLOW_LOOPBACK_SOURCES=1, scripts/lib/e2e.mjs). Its base URL reaches the specs
 * through the environment; Playwright stops it after the last spec.
 */
export default async function globalSetup() {
  const fixtures = await startSourceFixtures();
  fixtures.setPage(E2E_SOURCE_PAGE_NAME, E2E_SOURCE_PAGE);
  process.env.E2E_SOURCE_BASE = fixtures.base;
  return () => fixtures.close();
}
