// Run the checker's test suite inside real Pyodide under Node.js.
//   node tests/pyodide/run.mjs CHECKER_WHEEL WHEEL_DIR[:WHEEL_DIR...] [pytest args...]
// (tests/checker by default; name /project/tests/... paths to run others).
// The checker comes from its wheel (as in the browser), the tests and the
// scenario files from this checkout (mounted read-only in spirit: nothing is
// written back), and pytest and hypothesis from pure-Python wheels.
import { loadPyodide } from "../../node_modules/pyodide/pyodide.mjs";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const [checkerWheel, wheelDir, ...pytestArgs] = process.argv.slice(2);
if (!checkerWheel || !wheelDir) {
  console.error("usage: node tests/pyodide/run.mjs CHECKER_WHEEL WHEEL_DIR [pytest args...]");
  process.exit(2);
}

const pyodide = await loadPyodide();
const raw = (stream) => ({ write: (buffer) => { stream.write(buffer); return buffer.length; } });
pyodide.setStdout(raw(process.stdout));
pyodide.setStderr(raw(process.stderr));
const extra = wheelDir.split(":").flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith(".whl")).map((f) => join(dir, f)));
for (const file of [checkerWheel, ...extra]) {
  pyodide.unpackArchive(new Uint8Array(readFileSync(file)), "wheel");
}
pyodide.FS.mkdirTree("/project/tests");
pyodide.mountNodeFS("/project/tests", resolve(here, ".."));
// The notice as published sits beside the checkout; the tests compare the
// project's copy with it, so show it at the same relative place.
const shared = resolve(here, "../../../shared/notice");
if (existsSync(shared)) {
  pyodide.FS.mkdirTree("/shared/notice");
  pyodide.mountNodeFS("/shared/notice", shared);
}
const paths = pytestArgs.some((arg) => arg.startsWith("/project/")) ? [] : ["/project/tests/checker"];
pyodide.globals.set("pytest_args", pyodide.toPy([...paths, ...pytestArgs]));
const code = await pyodide.runPythonAsync(`
import os, sys
sys.dont_write_bytecode = True
os.chdir("/home/pyodide")  # hypothesis keeps its database here, in memory
import checker, pytest
assert not checker.__file__.startswith("/project"), checker.__file__  # the wheel, not the checkout
print("Python", sys.version.split()[0], "on", sys.platform, "- checker from", os.path.dirname(checker.__file__))
pytest.main(["-p", "no:cacheprovider", "-o", "console_output_style=classic", *pytest_args])
`);
process.exit(Number(code));
