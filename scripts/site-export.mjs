#!/usr/bin/env node
// `npm run site:export -- <file.zip>`: the site archive (docs/transfer.md) of DATABASE_URL's
// database (or the embedded one `npm start` uses) and UPLOAD_DIR's media.
import { runTransfer } from "./lib/site-transfer.mjs";

await runTransfer("export", process.argv.slice(2));
