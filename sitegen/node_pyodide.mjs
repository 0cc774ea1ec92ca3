// Pyodide under Node.js for the build-time scripts (stdlib_modules.mjs,
// stdlib_pyc.mjs): the npm package's runtime, started as the page starts it,
// with no package and so only the lock file's header.
import { loadPyodide } from "../node_modules/pyodide/pyodide.mjs";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The project's root folder. */
export const root = join(dirname(fileURLToPath(import.meta.url)), "..");

export async function startPyodide(options = {}) {
  const lock = JSON.parse(readFileSync(join(root, "node_modules/pyodide/pyodide-lock.json")));
  return loadPyodide({ lockFileContents: { info: lock.info, packages: {} }, ...options });
}
