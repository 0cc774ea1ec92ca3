// The checker's wheel as the page loads it: each module's bytecode beside its
// source (checker/__pycache__/x.cpython-3XX.pyc), compiled by Pyodide's own
// Python so that it fits the runtime exactly (same version, same magic).
//   node sitegen/wheel_pyc.mjs IN.whl OUT.whl
// Python then imports the checker without compiling it at every start (on a
// phone's CPU, most of the import: README, Performance). The sources stay
// (tracebacks show their lines); the pycs are unchecked-hash ones, used
// without comparing them with the source. RECORD lists the added files, and
// the zip is stored, not deflated, so that the server's brotli compresses
// across files. Called by sitegen/runtime.py at build time, which caches it.
import { transformFile } from "./node_pyodide.mjs";

await transformFile("node sitegen/wheel_pyc.mjs IN.whl OUT.whl", "/tmp/in.whl", `
import base64, hashlib, importlib.util, io, zipfile
from importlib._bootstrap_external import _code_to_hash_pyc


def record_line(name, data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(data)}\\n"


def stored(name, date_time, external_attr):
    item = zipfile.ZipInfo(name, date_time)
    item.compress_type = zipfile.ZIP_STORED
    item.external_attr = external_attr
    return item


out = io.BytesIO()
with zipfile.ZipFile("/tmp/in.whl") as wheel, zipfile.ZipFile(out, "w") as target:
    entries = wheel.infolist()
    record = next(entry for entry in entries if entry.filename.endswith(".dist-info/RECORD"))
    added = ""
    for entry in entries:
        if entry is record:
            continue
        data = wheel.read(entry)
        target.writestr(stored(entry.filename, entry.date_time, entry.external_attr), data)
        if entry.filename.endswith(".py"):
            code = compile(data, entry.filename, "exec", dont_inherit=True)
            pyc = bytes(_code_to_hash_pyc(code, importlib.util.source_hash(data), checked=False))
            name = importlib.util.cache_from_source(entry.filename)
            target.writestr(stored(name, entry.date_time, entry.external_attr), pyc)
            added += record_line(name, pyc)
    text = wheel.read(record).decode()
    target.writestr(stored(record.filename, record.date_time, record.external_attr), (text + added).encode())
out.getvalue()
`);
