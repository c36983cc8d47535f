import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

/**
 * A server action's id, as the browser sends it in `Next-Action`, from a production build's
 * server-reference manifest (`distDir` relative to the project: ".next", ".next-test").
 * Shared by the e2e authorization specs and the fault suite, which call actions over bare HTTP.
 */
export function actionIdIn(distDir: string, file: string, exportedName: string): string {
  const manifest = JSON.parse(
    fs.readFileSync(path.join(root, distDir, "server", "server-reference-manifest.json"), "utf8"),
  ) as { node: Record<string, { filename: string; exportedName: string }> };
  const hit = Object.entries(manifest.node).find(
    ([, v]) => v.filename === file && v.exportedName === exportedName,
  );
  if (!hit) throw new Error(`no server action ${exportedName} in ${file}`);
  return hit[0];
}

/** The fault suite's build (lib/test/fault-server.ts hands its environment over). */
export const faultActionId = (file: string, exportedName: string) =>
  actionIdIn(
    JSON.parse(process.env.FAULT_SERVER_ENV ?? "{}").NEXT_DIST_DIR ?? ".next-test",
    file,
    exportedName,
  );
