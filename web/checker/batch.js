// The unit's desk (/unit/) in the checker's worker: imported by worker.js only
// when the first {type: "batch"} message arrives, so /checker/ never loads it.
// Everything the batch code needs beyond the checker (an extra slice of the
// standard library, then openpyxl or segno) is fetched from this site only
// when a call needs it. Only JSON text crosses into Python; file contents
// travel as base64. Nothing is stored: the roster lives in this worker's memory.

// Generated at build time (sitegen/checker_assets.py) in this build's own
// folder, with each file's size and hash (worker.js checks them).
import { unit } from "./runtime.js";

const { stdlib, wheels } = unit;

const EXTRA = "/lib/unit-stdlib";
const loading = new Map();

async function bytesOf(url) {
  const response = await self.fetch(url); // worker.js keeps it in the runtime cache
  if (!response.ok) throw new Error(`文件下载失败（HTTP ${response.status}）：${url.split("/").pop()}`);
  return new Uint8Array(await response.arrayBuffer());
}

function once(key, load) {
  if (!loading.has(key)) {
    const promise = load();
    promise.catch(() => loading.delete(key)); // a failed download can be tried again
    loading.set(key, promise);
  }
  return loading.get(key);
}

// The extra standard-library modules go into their own folder, added to the
// path; packages the checker already imported from its trimmed zip (encodings,
// importlib …) get that folder's part of them on their __path__.
function addStdlib(pyodide) {
  return once("stdlib", async () => {
    pyodide.unpackArchive(await bytesOf(stdlib), "zip", { extractDir: EXTRA });
    pyodide.runPython(`
import os, sys
root = ${JSON.stringify(EXTRA)}
sys.path.append(root)
for name in os.listdir(root):
    package = sys.modules.get(name)
    if os.path.isdir(os.path.join(root, name)) and package is not None and hasattr(package, "__path__"):
        package.__path__.append(os.path.join(root, name))
sys.path_importer_cache.clear()
`);
  });
}

function addWheels(pyodide, feature) {
  return once(feature, async () => {
    const all = await Promise.all(wheels[feature].map(bytesOf));
    for (const bytes of all) pyodide.unpackArchive(bytes, "wheel");
    // Not importlib.invalidate_caches(): it imports importlib.metadata, which the
    // trimmed standard library leaves out. New finders see the new files.
    pyodide.runPython("import sys; sys.path_importer_cache.clear()");
  });
}

let bridge = null;

// One call at a time, in the order they came (issue 18, 6): a check waiting
// for openpyxl must not finish after a later check of a CSV and leave its
// people as the ones an export writes.
let queue = Promise.resolve();

/** {type: "batch", id, call: "check"|"export"|"template"|"qr", args, needs: ["openpyxl"|"segno"]} */
export function handle(pyodide, message) {
  queue = queue.then(() => handleNow(pyodide, message));
  return queue;
}

async function handleNow(pyodide, message) {
  try {
    await addStdlib(pyodide);
    for (const feature of message.needs || []) await addWheels(pyodide, feature);
    bridge = bridge || pyodide.pyimport("checker.batch.web");
    const payload = bridge[message.call](JSON.stringify(message.args || {}));
    const reply = rowsApart(payload);
    // The rows' texts as bytes handed over, not copied: copying 20,000 rows'
    // texts into the page took a quarter of a second of its main thread.
    self.postMessage({ type: "batch-result", id: message.id, ...reply }, (reply.rowTexts || []).map((b) => b.buffer));
  } catch (error) {
    self.postMessage({ type: "batch-error", id: message.id, message: shownError(error) });
  }
}

// A long roster's rows (issue 18, 7): parsing 20,000 rows at once would hold
// the page's main thread for a second; they cross as texts of ROWS_PER_TEXT
// rows each, which the page parses one per task (unit.js parseRows).
const ROWS_PER_TEXT = 500;

const encoder = new TextEncoder();

function rowsApart(payload) {
  if (payload.length < 1 << 20) return { payload }; // a few hundred rows: at once
  const reply = JSON.parse(payload);
  if (!reply.batch) return { payload };
  const { rows } = reply.batch;
  reply.batch.rows = [];
  const rowTexts = [];
  for (let start = 0; start < rows.length; start += ROWS_PER_TEXT) {
    rowTexts.push(encoder.encode(JSON.stringify(rows.slice(start, start + ROWS_PER_TEXT))));
  }
  return { payload: JSON.stringify(reply), rowTexts };
}

/** What the page may show of an error: a Python error's traceback goes to the
 * console only (issue 18, 9); the worker's own messages are Chinese sentences. */
function shownError(error) {
  if (error && error.name === "PythonError") {
    console.error("unit:", error.message);
    return "计算出错，请刷新页面后重试；如果再次出错，请把表格另存为 .xlsx 或 .csv 再试。";
  }
  return String(error && error.message ? error.message : error);
}
