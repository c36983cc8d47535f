/**
 * Idempotent demo seed: run it any number of times; rows are keyed by stable ids, existing
 * rows are left as they are (so edits made in the demo survive a restart).
 */
import { createPrisma } from "@/lib/db/client";
import { seedAccounts } from "./steps/accounts";
import { seedArticles } from "./steps/articles";
import { seedComments } from "./steps/comments";
import { seedCorrections } from "./steps/corrections";
import { seedEntities } from "./steps/entities";
import { seedCves } from "./steps/cves";
import { seedGlossary } from "./steps/glossary";
import { seedSite } from "./steps/site";

const url = process.env.DATABASE_URL;
if (!url) throw new Error("DATABASE_URL is not set");
const db = createPrisma(url);

const t0 = Date.now();
try {
  const site = await seedSite(db);
  // before the articles: they tag entities by name (LockBit, Windows…)
  const entities = await seedEntities(db);
  console.log(`seed: ${entities.created}/${entities.total} threat entities created`);
  const users = await seedAccounts(db);
  const articles = await seedArticles(db, users);
  const comments = await seedComments(db, users);
  console.log(
    `seed: ${site.categories} categories, ${site.tags} tags, ${site.pages} pages, ${users.size} users, ` +
      `${articles.created}/${articles.total} articles created, ${comments.created}/${comments.total} comments created ` +
      `(${Date.now() - t0} ms)`,
  );
  await seedCorrections(db, users).then((c) =>
    console.log(`seed: ${c.created}/${c.total} corrections created`),
  );
  await seedGlossary(db).then((g) => console.log(`seed: ${g.created}/${g.total} glossary terms created`));
  await seedCves(db).then((c) =>
    console.log(`seed: ${c.imported} CVEs, ${c.kev} in KEV (fixture feeds), ${c.mentions} article mentions`),
  );
} finally {
  await db.$disconnect();
}
