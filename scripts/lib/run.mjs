// Tiny process helpers for the bootstrap scripts: Node built-ins only.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const bin = (name) => path.join(root, "node_modules", ".bin", name);

/** Runs a command with inherited stdio; resolves on exit 0, rejects otherwise. */
export function run(cmd, args, { env = {}, quiet = false, cwd = root } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd,
      stdio: quiet ? ["ignore", "pipe", "pipe"] : "inherit",
      env: { ...process.env, ...env },
    });
    let out = "";
    if (quiet) {
      child.stdout.on("data", (d) => (out += d));
      child.stderr.on("data", (d) => (out += d));
    }
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (code === 0) resolve(out);
      else {
        const err = new Error(`${path.basename(cmd)} ${args.join(" ")} exited with ${signal ?? code}`);
        err.output = out;
        err.exitCode = code ?? 1;
        reject(err);
      }
    });
  });
}

const t0 = Date.now();
/** Progress line for long multi-step commands: "[byline 12.3s] step: message". */
export function step(name, message = "") {
  const s = ((Date.now() - t0) / 1000).toFixed(1);
  console.log(`\x1b[36m[byline ${s}s]\x1b[0m ${name}${message ? `: ${message}` : ""}`);
}

/**
 * The first line of a test's error message, without colour codes, at most 200 characters.
 * @param {string} text
 */
export function firstLine(text) {
  return (
    text
      .replace(/\u001b\[[0-9;]*m/g, "")
      .trim()
      .split("\n")[0] ?? ""
  ).slice(0, 200);
}
