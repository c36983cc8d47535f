// @ts-check
// Prisma's WASM schema engine (the same Rust migration code as the native schema-engine binary, which
// Prisma 7.10's CLI would download from binaries.prisma.sh). Node 20 cannot `import` a .wasm module without
// --experimental-wasm-modules, so it is instantiated by hand, the way the Prisma 6.19 CLI did it.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { installPanicRegistry } from "./failure.mjs";

/** @typedef {import("@prisma/schema-engine-wasm/schema_engine_bg").SchemaEngine} SchemaEngine */

const require = createRequire(import.meta.url);
const GLUE = "@prisma/schema-engine-wasm/schema_engine_bg";
const debug = (/** @type {string} */ line) => {
  if (process.env.PRISMA_MIGRATE_DEBUG) console.error(line);
};

/**
 * Prefer the wasm shipped inside the installed prisma CLI (exactly the CLI's engine commit); fall back to
 * the one in @prisma/schema-engine-wasm. PRISMA_MIGRATE_WASM forces a file.
 * @returns {string[]}
 */
function candidateWasmFiles() {
  if (process.env.PRISMA_MIGRATE_WASM) return [process.env.PRISMA_MIGRATE_WASM];
  const files = [];
  try {
    files.push(
      path.join(path.dirname(require.resolve("prisma/package.json")), "build", "schema_engine_bg.wasm"),
    );
  } catch {}
  files.push(path.join(path.dirname(require.resolve(GLUE)), "schema_engine_bg.wasm"));
  return files;
}

/**
 * @param {[string, string][]} datamodels `[path, content]` of each schema file
 * @param {import("@prisma/driver-adapter-utils").ErrorCapturingSqlMigrationAwareDriverAdapterFactory} adapterFactory
 * @returns {Promise<SchemaEngine>}
 */
export async function loadEngine(datamodels, adapterFactory) {
  installPanicRegistry();
  const glue = await import("@prisma/schema-engine-wasm/schema_engine_bg");
  /** @type {Record<string, unknown>} the glue's exports by name, to match the wasm's imports against */
  const glueExports = { ...glue };
  const candidates = candidateWasmFiles();
  for (const file of candidates) {
    if (!fs.existsSync(file)) continue;
    const wasm = new WebAssembly.Module(fs.readFileSync(file));
    // The glue's import names are hashed per wasm-bindgen build: use this wasm only if all of them exist.
    const fits = WebAssembly.Module.imports(wasm).every(
      (i) => i.module === "./schema_engine_bg.js" && typeof glueExports[i.name] === "function",
    );
    if (!fits) continue;
    const instance = new WebAssembly.Instance(wasm, { "./schema_engine_bg.js": glue });
    glue.__wbg_set_wasm(instance.exports);
    // wasm exports carry no signatures; wasm-bindgen's start function takes no arguments
    /** @type {() => void} */ (instance.exports.__wbindgen_start)();
    const log = (/** @type {string} */ line) => debug(`[schema-engine] ${line}`);
    const engine = await glue.SchemaEngine.new({ datamodels }, log, adapterFactory);
    debug(`[prisma-migrate] wasm ${file} (engine ${glue.version()})`);
    return engine;
  }
  throw new Error(`No compatible schema_engine_bg.wasm found in ${candidates.join(", ")}`);
}
