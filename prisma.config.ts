import { defineConfig } from "prisma/config";

// DATABASE_URL is set by scripts/lib/database.mjs (embedded PostgreSQL) or by the user.
// `prisma generate` needs no database, so a placeholder keeps it working offline.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/unset" },
});
