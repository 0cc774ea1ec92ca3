// Lists the files of Pyodide's standard library that the checker uses in the
// browser, into site_data/stdlib.txt, from which the build makes the smaller
// standard library the checker page loads (sitegen/stdlib.py).
//   node sitegen/stdlib_modules.mjs CHECKER_WHEEL [OUTPUT]   (default: site_data/stdlib.txt)
// Run it again when the checker starts importing something new; the test
// tests/test_stdlib.py fails until you do.
import { readFileSync, writeFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { root, startPyodide } from "./node_pyodide.mjs";

const pyodide = await startPyodide();
pyodide.unpackArchive(new Uint8Array(readFileSync(process.argv[2])), "wheel");
const scenarios = readdirSync(join(root, "tests/scenarios")).map((f) => readFileSync(join(root, "tests/scenarios", f), "utf8"));
pyodide.globals.set("scenario_files", pyodide.toPy(scenarios));
const files = pyodide.runPython(`
import json, sys
from checker.web import respond
inputs = ['{}', 'not json', '[1]', '{"unknown": 1}', '{"retirement_date": "2017-02-30", "employment_months": -1}']
for text in scenario_files:
    data = json.loads(text)
    for item in (data.values() if isinstance(data, dict) else [s["answers"] for s in data]):
        inputs.append(json.dumps(item))
for text in inputs:
    respond(text)
# What Pyodide needs to report a Python error to JavaScript.
import traceback, linecache, tokenize
prefix = "/lib/python%d%d.zip/" % sys.version_info[:2]
# Frozen modules (os, io, site, importlib's bootstrap …) are built into the
# interpreter: their files are never read, though __file__ names them.
frozen = lambda m: getattr(getattr(m, "__spec__", None), "origin", None) == "frozen"
json.dumps(sorted({m.__file__[len(prefix):] for m in list(sys.modules.values())
                   if (getattr(m, "__file__", None) or "").startswith(prefix) and not frozen(m)}))
`);
const names = JSON.parse(files);
writeFileSync(process.argv[3] || join(root, "site_data/stdlib.txt"),
  "# Files of Pyodide's python_stdlib.zip the checker page loads (sitegen/stdlib_modules.mjs).\n" + names.join("\n") + "\n");
console.log(`${names.length} files`);
