// Pyodide under Node.js for the build-time scripts (stdlib_modules.mjs,
// stdlib_pyc.mjs, wheel_pyc.mjs): the npm package's runtime, started as the page starts it,
// with no package and so only the lock file's header.
import { loadPyodide } from "../node_modules/pyodide/pyodide.mjs";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The project's root folder. */
export const root = join(dirname(fileURLToPath(import.meta.url)), "..");

export async function startPyodide(options = {}) {
  const lock = JSON.parse(readFileSync(join(root, "node_modules/pyodide/pyodide-lock.json")));
  return loadPyodide({ lockFileContents: { info: lock.info, packages: {} }, ...options });
}

/** A build step that turns the file named by the first argument into the one
 * named by the second with Python: the input is at ``inside`` in Pyodide's
 * file system, ``python``'s last expression is the output's bytes. Bytecode
 * is compiled without column ranges (as python -X no_debug_ranges): a third
 * smaller; tracebacks still name file and line, without the ^^^ markers. */
export async function transformFile(usage, inside, python) {
  const [input, output] = process.argv.slice(2);
  if (!input || !output) {
    console.error(`usage: ${usage}`);
    process.exit(2);
  }
  const pyodide = await startPyodide({ env: { PYTHONNODEBUGRANGES: "1" } });
  pyodide.FS.writeFile(inside, readFileSync(input));
  writeFileSync(output, pyodide.runPython(python).toJs());
}
