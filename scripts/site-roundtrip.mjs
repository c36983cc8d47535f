#!/usr/bin/env node
// `npm run site:roundtrip -- <server A> <server B> [site URL]`: compares every public page of two
// running servers byte for byte (CSP nonce aside) and prints the pages compared and any
// difference; exit 1 on a difference. The CI round trip (lib/services/transfer/roundtrip.fault.test.ts)
// prepares the two servers: the seeded site, and its export imported into an empty database.
import { compareSites } from "./lib/site-roundtrip.mjs";

const [a, b, siteUrl = a] = process.argv.slice(2);
if (!a || !b) {
  console.error("用法：npm run site:roundtrip -- http://127.0.0.1:3000 http://127.0.0.1:3001 [SITE_URL]");
  process.exit(2);
}
const { compared, differences } = await compareSites({ a, b, siteUrl, log: (l) => console.log(l) });
console.log(`\n${compared.length} pages compared, ${differences.length} different`);
for (const d of differences) console.log(`  ${d.path}: ${d.why}`);
process.exitCode = differences.length ? 1 : 0;
