// First steps of `npm start` / `npm test` on a fresh clone. Node built-ins only: nothing is installed yet.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { root, run, step } from "./run.mjs";

const npm = process.platform === "win32" ? "npm.cmd" : "npm";

/** Installs dependencies when node_modules is missing or older than the lock file. */
export async function ensureInstalled() {
  const marker = path.join(root, "node_modules", ".package-lock.json");
  const lock = path.join(root, "package-lock.json");
  if (fs.existsSync(marker) && fs.statSync(marker).mtimeMs >= fs.statSync(lock).mtimeMs) {
    step("install", "dependencies up to date");
    return;
  }
  step("install", "npm ci (first run: a few minutes)");
  await run(npm, ["ci", "--no-audit", "--no-fund", "--loglevel=error"]);
}

/** Generates the Prisma client when missing or older than the schema. */
export async function ensureGenerated() {
  const out = path.join(root, "lib", "generated", "prisma", "client.ts");
  const schema = path.join(root, "prisma", "schema.prisma");
  if (fs.existsSync(out) && fs.statSync(out).mtimeMs >= fs.statSync(schema).mtimeMs) return;
  step("generate", "Prisma client");
  const { generate } = await import("./database.mjs");
  await generate({ quiet: true });
}

/** AUTH_SECRET for demo runs: 32 random bytes kept in .data/, so sessions survive restarts. */
export function demoAuthSecret() {
  const file = path.join(root, ".data", "auth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, crypto.randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return fs.readFileSync(file, "utf8").trim();
}

const BUILD_INPUTS = [
  "app",
  "components",
  "lib",
  "public",
  "prisma/schema.prisma",
  "next.config.js",
  "package-lock.json",
  "postcss.config.mjs",
  "tsconfig.json",
  "proxy.ts",
];

/** A fingerprint of everything `next build` reads, so an unchanged tree is not rebuilt. */
export function sourceFingerprint() {
  const h = crypto.createHash("sha256");
  // the build bakes SITE_URL into prerendered pages (canonical URLs, feeds)
  h.update(`SITE_URL=${process.env.SITE_URL ?? ""}\n`);
  const walk = (p) => {
    if (!fs.existsSync(p)) return;
    const st = fs.statSync(p);
    if (st.isDirectory()) {
      if (p.endsWith(path.join("lib", "generated"))) return;
      for (const f of fs.readdirSync(p).sort()) walk(path.join(p, f));
    } else h.update(`${path.relative(root, p)}:${st.size}:${st.mtimeMs}\n`);
  };
  for (const p of BUILD_INPUTS) walk(path.join(root, p));
  return h.digest("hex");
}
