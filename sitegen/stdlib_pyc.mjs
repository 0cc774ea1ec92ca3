// Compiles the trimmed standard library to bytecode with Pyodide's own Python,
// so that the bytecode fits the runtime exactly (same version, same magic).
//   node sitegen/stdlib_pyc.mjs SOURCES.zip OUTPUT.zip
// Every foo.py becomes a sourceless foo.pyc (zipimport loads those directly):
// Python then starts without compiling ~140 modules from source, which is most
// of Pyodide's start-up time (1.6 s → 0.55 s under Node on the bench machine).
// Called by sitegen/stdlib.py at build time, which caches the result.
import { readFileSync, writeFileSync } from "node:fs";
import { startPyodide } from "./node_pyodide.mjs";

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error("usage: node sitegen/stdlib_pyc.mjs SOURCES.zip OUTPUT.zip");
  process.exit(2);
}
const pyodide = await startPyodide();
pyodide.FS.writeFile("/tmp/sources.zip", readFileSync(input));
const compiled = pyodide.runPython(`
import io, os, py_compile, sys, zipfile

# Unchecked-hash pycs hold no timestamp (the same sources give the same bytes)
# and are never compared with a source, which the zip no longer holds.
MODE = py_compile.PycInvalidationMode.UNCHECKED_HASH
MOUNT = "/lib/python%d%d.zip/" % sys.version_info[:2]  # where Pyodide mounts the zip
out = io.BytesIO()
with zipfile.ZipFile("/tmp/sources.zip") as sources, zipfile.ZipFile(out, "w") as target:
    for entry in sources.infolist():
        data = sources.read(entry)
        name = entry.filename
        if name.endswith(".py"):
            path = "/tmp/src/" + name
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as f:
                f.write(data)
            # dfile: tracebacks name the module where Python would have found it.
            py_compile.compile(path, cfile=path + "c", dfile=MOUNT + name,
                               doraise=True, invalidation_mode=MODE)
            with open(path + "c", "rb") as f:
                data = f.read()
            name += "c"
        item = zipfile.ZipInfo(name, entry.date_time)
        item.compress_type = zipfile.ZIP_DEFLATED  # small on any host, with or without gzip
        item.external_attr = entry.external_attr
        target.writestr(item, data)
out.getvalue()
`).toJs();
writeFileSync(output, compiled);
