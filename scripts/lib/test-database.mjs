// The database server for `npm test`: the server in TEST_DATABASE_URL / DATABASE_URL when set
// (tests create their own *_test_* databases on it), else a throwaway embedded cluster in .data/test-pg.
import path from "node:path";
import { startEmbeddedPostgres, withDatabase } from "./embedded-pg.mjs";
import { root, step } from "./run.mjs";

export const withTestDatabase = (url, name) => withDatabase(url, name);

export async function resolveDatabase() {
  const url = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (url) {
    step("database", "test databases on the server in DATABASE_URL");
    return { url, stop: async () => {} };
  }
  const server = await startEmbeddedPostgres({
    dir: path.join(root, ".data", "test-pg"),
    fast: true,
    log: (m) => step("database", m),
  });
  step("database", `embedded PostgreSQL on 127.0.0.1:${server.port}`);
  return { url: server.url, stop: server.stop };
}
