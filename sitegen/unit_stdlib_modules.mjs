// Lists the files of Pyodide's standard library that the unit's desk (/unit/)
// uses beyond the checker's own list (site_data/stdlib.txt), into
// site_data/unit-stdlib.txt. The build serves them as a second, small zip that
// the worker loads only on /unit/ (sitegen/extra_wheels.py), so the checker
// page's start-up does not grow.
//   node sitegen/unit_stdlib_modules.mjs CHECKER_WHEEL EXTRA_WHEEL... [--out FILE] [--xls ROSTER.xls]
// (--xls: an old Excel roster to read too; the test writes one with xlwt.)
// tests/batch/test_unit_stdlib.py fails until this list is up to date.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { root, startPyodide } from "./node_pyodide.mjs";

const args = process.argv.slice(2);
const outAt = args.indexOf("--out");
const output = outAt >= 0 ? args.splice(outAt, 2)[1] : join(root, "site_data/unit-stdlib.txt");
const xlsAt = args.indexOf("--xls");
const xls = xlsAt >= 0 ? readFileSync(args.splice(xlsAt, 2)[1]).toString("base64") : "";
const pyodide = await startPyodide();
for (const wheel of args) pyodide.unpackArchive(new Uint8Array(readFileSync(wheel)), "wheel");
const checkerList = readFileSync(join(root, "site_data/stdlib.txt"), "utf8").split("\n").filter((l) => l && !l.startsWith("#"));
pyodide.globals.set("checker_list", pyodide.toPy(checkerList));
pyodide.globals.set("xls", xls);
const files = pyodide.runPython(`
import base64, json, sys
from checker.batch import web
# Every path the page can take: pasted text, CSV in each encoding, .xlsx in,
# both exports, both templates, QR codes, and the errors on the way.
rows = "姓名,target_level,civil_servant,retirement_date,备注\\n甲,高级,否,2017-02-30,x\\n乙,初级,是,,\\n"
requests = [{"text": rows.replace(",", "\\t")}, {"text": ""}, {"text": "a\\x00b"}]
for encoding in ("utf-8", "utf-8-sig", "gb18030", "utf-16"):
    requests.append({"file": base64.b64encode(rows.encode(encoding)).decode(), "filename": "r.csv"})
requests.append({"file": base64.b64encode(b"PK\\x03\\x04junk").decode(), "filename": "r.xlsx"})
xlsx = json.loads(web.template('{"kind": "xlsx"}'))["data"]
web.template('{"kind": "csv"}')
requests.append({"file": xlsx, "filename": "t.xlsx", "unit": {"unit_type": "state_owned"}})
requests.append({"text": rows, "unit": {"unit_type": "nonsense"}})
requests.append({"text": "花名册\\n" + rows, "unit": {"单位性质": "民企"}})
if xls:
    requests.append({"file": xls, "filename": "r.xls"})
requests.append({"file": base64.b64encode(b"\\xd0\\xcf\\x11\\xe0\\xa1\\xb1\\x1a\\xe1junk").decode(), "filename": "r.xls"})
for request in requests:
    web.check(json.dumps(request))
web.check(json.dumps({"text": rows}))
web.export('{"kind": "xlsx", "base_url": "https://example.org/"}')
web.export('{"kind": "csv", "base_url": "https://example.org/"}')
web.export('{"kind": "docx", "unit_name": "某单位"}')
web.qr('{"urls": ["https://example.org/checker/?target_level=senior"]}')
import traceback, linecache, tokenize
prefix = "/lib/python%d%d.zip/" % sys.version_info[:2]
frozen = lambda m: getattr(getattr(m, "__spec__", None), "origin", None) == "frozen"
used = {m.__file__[len(prefix):] for m in list(sys.modules.values())
        if (getattr(m, "__file__", None) or "").startswith(prefix) and not frozen(m)}
json.dumps(sorted(used - set(checker_list)))
`);
const names = JSON.parse(files);
writeFileSync(output,
  "# Files of Pyodide's python_stdlib.zip the unit's desk loads beyond stdlib.txt (sitegen/unit_stdlib_modules.mjs).\n" +
  names.join("\n") + "\n");
console.log(`${names.length} files`);
