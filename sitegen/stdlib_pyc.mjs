// Compiles the trimmed standard library to bytecode with Pyodide's own Python,
// so that the bytecode fits the runtime exactly (same version, same magic).
//   node sitegen/stdlib_pyc.mjs SOURCES.zip OUTPUT.zip
// Every foo.py becomes a sourceless foo.pyc (zipimport loads those directly):
// Python then starts without compiling ~140 modules from source, which is most
// of Pyodide's start-up time (1.6 s → 0.55 s under Node on the bench machine).
// Docstrings are left out (asserts are kept) and the zip is stored, so that
// the server's brotli compresses it well.
// Called by sitegen/stdlib.py at build time, which caches the result.
import { transformFile } from "./node_pyodide.mjs";

await transformFile("node sitegen/stdlib_pyc.mjs SOURCES.zip OUTPUT.zip", "/tmp/sources.zip", `
import ast, importlib.util, io, sys, zipfile
from importlib._bootstrap_external import _code_to_hash_pyc

MOUNT = "/lib/python%d%d.zip/" % sys.version_info[:2]  # where Pyodide mounts the zip
DOCUMENTED = (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)


def without_docstrings(tree):
    """Drop docstrings (about a third of the bytecode: nothing the checker
    reads) but keep asserts and everything else, unlike python -OO."""
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(node, DOCUMENTED) and body and isinstance(body[0], ast.Expr) \\
                and isinstance(body[0].value, ast.Constant) and isinstance(body[0].value.value, str):
            node.body = body[1:] or [ast.copy_location(ast.Pass(), body[0])]
    return tree


out = io.BytesIO()
with zipfile.ZipFile("/tmp/sources.zip") as sources, zipfile.ZipFile(out, "w") as target:
    for entry in sources.infolist():
        data = sources.read(entry)
        name = entry.filename
        if name.endswith(".py"):
            # dfile: tracebacks name the module where Python would have found it.
            code = compile(without_docstrings(ast.parse(data)), MOUNT + name, "exec", dont_inherit=True)
            # Unchecked-hash pycs hold no timestamp (the same sources give the
            # same bytes) and are never compared with a source, which the zip
            # no longer holds.
            data = bytes(_code_to_hash_pyc(code, importlib.util.source_hash(data), checked=False))
            name += "c"
        item = zipfile.ZipInfo(name, entry.date_time)
        # Stored, not deflated: the server's brotli (or gzip) then compresses
        # across files, which beats per-file deflate by a third.
        item.compress_type = zipfile.ZIP_STORED
        item.external_attr = entry.external_attr
        target.writestr(item, data)
out.getvalue()
`);
