#!/usr/bin/env node
// `npm run site:import -- <file.zip> [--merge]`: loads a site archive into DATABASE_URL's database
// (or the embedded one); refused for a site with content unless --merge (docs/transfer.md).
import { runTransfer } from "./lib/site-transfer.mjs";

await runTransfer("import", process.argv.slice(2));
