#!/usr/bin/env node
// npm run db:<command>: migrate <name> | deploy | status | reset | seed | generate.
// Uses DATABASE_URL when set, otherwise the embedded PostgreSQL under .data/pg.
import { resolveDatabase, migrate, seed, generate } from "./lib/database.mjs";

const [command, ...rest] = process.argv.slice(2);
const usage =
  "usage: npm run db:migrate -- <name> | db:deploy | db:status | db:reset | db:seed | db:generate";

if (command === "generate") {
  await generate();
  process.exit(0);
}
if (!["migrate", "deploy", "status", "reset", "seed"].includes(command ?? "")) {
  console.error(usage);
  process.exit(2);
}
if (command === "migrate" && !rest[0]) {
  console.error("a migration name is required: npm run db:migrate -- add_something");
  process.exit(2);
}

const db = await resolveDatabase();
let code = 0;
try {
  if (command === "migrate") {
    await migrate(db.url, ["dev", "--name", ...rest]);
    await generate();
  } else if (command === "deploy") await migrate(db.url, ["deploy"]);
  else if (command === "status") await migrate(db.url, ["status"]);
  else if (command === "reset") {
    await migrate(db.url, ["reset", "--force"]);
    await seed(db.url);
  } else if (command === "seed") await seed(db.url);
} catch (e) {
  console.error(e.message);
  code = e.exitCode ?? 1;
} finally {
  await db.stop();
}
process.exit(code);
