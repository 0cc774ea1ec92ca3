// Module Web Worker: loads the self-hosted Pyodide as soon as it starts (no
// message from the page needed), unpacks the checker's wheel (no micropip, no
// network beyond this site), then answers each {type: "evaluate"} message with
// checker.web.respond(). Only JSON text crosses between JavaScript and Python.
//
// Messages from the page before ready: downloads {urls} and download {url,
// status, contentType, body} (boot.js hands over the downloads it started).
// Messages to the page: progress {loaded, total} (bytes of the runtime files),
// phase {phase: "python"} (the bytes Python's start needs are in; it is starting), ready, stored,
// snapshot-stored, unit-stored (the unit's desk's files are kept), result
// {payload}, error {message} (after ready), and
// failed {kind, detail} (the start failed; kind names the sentence the page
// shows, detail goes to the console); for the unit's desk, batch-result and
// batch-error {id}. A new message type is one more entry in HANDLERS below.

// Generated at build time (sitegen/checker_assets.py): the versioned runtime
// paths, each file's cache, size and hash, and Pyodide's loader.
import { files, loadPyodide, lockInfo, runtime, stdlib, unitFailures, wheel } from "./runtime.js";

const post = (message) => self.postMessage(message);
let respond = null;
let python = null; // the interpreter, once ready: the unit's desk (batch.js) calls into it

// ---- runtime files: fetched once, checked, kept ------------------------------

const hasCaches = "caches" in self;
const networkFetch = self.fetch.bind(self);
const storing = []; // cache writes in progress, awaited before "stored"
const checks = []; // one per downloaded runtime file: resolves to a problem or null
// boot.js's settings, in the worker's address (worker.js#stall=30000&handover=1).
const settings = new URLSearchParams(self.location.hash.slice(1));
// No byte for this long ends a download.
const STALL_MS = Number(settings.get("stall")) || 30000;
// Byte progress over the files Pyodide and the wheel need (the two loader
// modules are imported, not fetched, before any progress can be shown; the
// unit's desk's files are fetched later, on /unit/ only).
const counted = Object.entries(files).filter(([url, file]) => !url.endsWith(".mjs") && !file.unit);
const total = counted.reduce((sum, [, file]) => sum + file.size, 0);
// Python starts once these are in; the wheel is needed after, and may still be
// arriving (see fetchWheel).
const forStart = counted.filter(([url]) => url !== wheel);
const loadedBytes = new Map();
let lastReport = 0;
let starting = false;

function reportBytes(url, bytes, force = false) {
  if (!files[url] || url.endsWith(".mjs")) return;
  if (url === WASM && bytes >= WHEEL_AT * files[url].size) wasmIn();
  loadedBytes.set(url, bytes);
  if (starting) return;
  if (forStart.every(([name, file]) => (loadedBytes.get(name) || 0) >= file.size)) {
    // Python starts now, with this thread busy and no bytes to report for a while.
    starting = true;
    post({ type: "phase", phase: "python" });
    return;
  }
  const now = Date.now();
  if (!force && now - lastReport < 100) return;
  lastReport = now;
  let loaded = 0;
  for (const value of loadedBytes.values()) loaded += value;
  post({ type: "progress", loaded, total });
}

async function sha256(chunks) {
  if (!(self.crypto && crypto.subtle)) return null; // not a secure context: size only
  const digest = await crypto.subtle.digest("SHA-256", await new Blob(chunks).arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** What is wrong with a copy of a file, or null if it is the build's. */
async function mismatch(url, file, chunks, size) {
  if (size !== file.size) return `${url}: ${size} bytes, the build made ${file.size}`;
  const hash = await sha256(chunks);
  if (hash !== null && hash !== file.sha256) return `${url}: SHA-256 ${hash}, the build made ${file.sha256}`;
  return null;
}

function keep(url, file, chunks, contentType) {
  if (!hasCaches) return;
  const body = new Blob(chunks, { type: contentType || "" });
  storing.push(caches.open(file.cache)
    .then((cache) => cache.put(url, new Response(body, { headers: { "Content-Type": contentType || "" } })))
    .catch(() => {})); // no room or no storage: the next visit downloads it again
}

/** Read one copy of a runtime file as it streams in (reporting bytes), check it
 * against the size and hash the build recorded, and keep it only if it
 * matches: a file cut short (with status 200 all the same) is never kept. */
async function checkAndKeep(url, file, stream, contentType) {
  const chunks = [];
  let size = 0;
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
      reportBytes(url, size);
    }
  } finally {
    arrived(url);
  }
  reportBytes(url, size, true);
  const problem = await mismatch(url, file, chunks, size);
  if (!problem) keep(url, file, chunks, contentType);
  return problem;
}

/** One whole, checked copy of a file from the network: ``cache`` is the HTTP
 * cache mode ("reload" bypasses a copy the browser kept, and replaces it). No
 * byte for STALL_MS ends it. Throws an Error whose ``kind`` is "network" (no
 * connection, a stall) or "download" (an HTTP error, a copy cut short or
 * corrupted). */
async function download(url, file, cache) {
  const controller = new AbortController();
  let timer = 0;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => controller.abort(), STALL_MS);
  };
  const failure = (kind, detail) => Object.assign(new Error(detail), { kind });
  arm();
  try {
    let response;
    const chunks = [];
    let size = 0;
    try {
      response = await networkFetch(url, { cache, signal: controller.signal });
      if (!response.ok || !response.body) throw failure("download", `${url}: HTTP ${response.status}`);
      const reader = response.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        arm();
        chunks.push(value);
        size += value.byteLength;
      }
    } catch (error) {
      throw error.kind ? error : failure("network", `${url}: ${controller.signal.aborted ? `no byte for ${STALL_MS} ms` : error}`);
    }
    const problem = await mismatch(url, file, chunks, size);
    if (problem) throw failure("download", problem);
    return { chunks, contentType: response.headers.get("Content-Type") || "" };
  } finally {
    clearTimeout(timer);
  }
}

/** A copy found wrong is dropped and fetched once more, bypassing the HTTP
 * cache (which may hold the bad copy for a year), and kept if it is right:
 * a reload then starts with it. */
async function refetch(url, file) {
  try {
    const { chunks, contentType } = await download(url, file, "reload");
    keep(url, file, chunks, contentType);
    return null;
  } catch (error) {
    return error.message;
  }
}

// What the unit's desk says when one of its files cannot be had (batch.js
// passes it on to the page, which keeps the results it shows): the sentences of
// checker/failures.toml, which the build writes into runtime.js.
const UNIT_MESSAGES = unitFailures;

/** A file of the unit's desk (openpyxl, segno, the extra standard library):
 * from the Cache Storage, or downloaded whole and checked before Python gets
 * it, kept once right; a wrong copy is fetched once more bypassing the HTTP
 * cache. A failure is one Chinese sentence; the detail goes to the console. */
async function unitFile(url, file) {
  if (!unitLoads.has(url)) {
    const load = unitBlob(url, file);
    load.catch(() => unitLoads.delete(url)); // a failed download can be tried again
    unitLoads.set(url, load);
  }
  return new Response(await unitLoads.get(url));
}
const unitLoads = new Map(); // url → Promise<Blob>: one download even when asked twice

async function unitBlob(url, file) {
  let storage = hasCaches;
  if (storage) {
    try {
      const cached = await (await caches.open(file.cache)).match(url);
      if (cached) return await cached.blob();
    } catch {
      storage = false;
    }
  }
  let last = null;
  for (const cache of [storage ? "no-store" : "default", "reload"]) {
    try {
      const { chunks, contentType } = await download(url, file, cache);
      keep(url, file, chunks, contentType);
      return new Blob(chunks, { type: contentType });
    } catch (error) {
      last = error;
      console.warn("checker:", error.message);
      if (error.kind === "network") break; // offline or stalled: once is enough
    }
  }
  throw new Error(UNIT_MESSAGES[last.kind] || UNIT_MESSAGES.download);
}

/** Once /unit/ is in use: fetch and keep its files in the background, so that
 * .xlsx, exports, the template and printing also work offline later. */
let unitKept = null;
function keepUnitFiles() {
  unitKept = unitKept || Promise.all(Object.entries(files).filter(([, file]) => file.unit)
    .map(([url, file]) => unitFile(url, file).then((r) => r.arrayBuffer()).then(() => true, () => false)))
    .then(async (kept) => {
      while (storing.length) await Promise.all(storing.splice(0));
      if (kept.every(Boolean)) post({ type: "unit-stored" }); // the page: #unit-app[data-offline="ready"]
    });
  return unitKept;
}

// ---- downloads the page started ----------------------------------------------

// boot.js starts the largest files' downloads before this worker has its
// scripts (handover=1), lists them, then hands over each response as it
// arrives, its body transferred (null: this worker fetches the file itself).
// Each is taken once: a second fetch of the file (a refetch) is the network's.
const handedOver = new Map(); // url → Promise<Response | null>
const settlers = new Map();
let listed = () => {};
const downloadsListed = settings.get("handover") === "1" ? new Promise((resolve) => { listed = resolve; }) : null;

function takeOver(url) {
  const handed = handedOver.get(url);
  handedOver.delete(url);
  return handed || null;
}

// The wheel is needed only once Python has started, and Python needs the wasm
// first: the wheel is fetched as the wasm's last bytes arrive, so that it
// comes in while Python starts instead of slowing the wasm down (on a phone's
// line the files share the bandwidth). Not after the last byte: Python's
// start then keeps this thread busy for seconds, and the request would wait.
const WASM = new URL("pyodide.asm.wasm", runtime).href;
const WHEEL_AT = 0.97; // of the wasm's bytes: ~0.4 s before its end at 1.6 Mbit/s
let wasmIn = () => {};
const wasmNearlyIn = new Promise((resolve) => { wasmIn = resolve; });
const arrived = (url) => { if (url === WASM) wasmIn(); }; // (or failed, or came from the device)

// Pyodide fetches its files with fetch(); serve them from the Cache Storage
// when they are there (a warm or offline start), and otherwise keep them
// there once checked, so that a check works offline after the first one, and a
// retry after a failed download resumes with the files already complete.
self.fetch = async (input, init = {}) => {
  const url = new URL(input instanceof Request ? input.url : input, self.location.href).href;
  const file = files[url];
  if (!file) return networkFetch(input, init);
  if (file.unit) return unitFile(url, file);
  let storage = hasCaches;
  if (storage) {
    try {
      const cached = await (await caches.open(file.cache)).match(url);
      if (cached) {
        reportBytes(url, file.size, true);
        arrived(url);
        return cached;
      }
    } catch {
      storage = false; // unavailable (e.g. a private window): the HTTP cache is all there is
    }
  }
  // Not from the HTTP cache unless asked, when the Cache Storage is the cache:
  // a copy cut short there would be served again on every retry.
  if (downloadsListed) await downloadsListed;
  const handed = await takeOver(url);
  let response;
  try {
    response = handed || await networkFetch(url, { cache: init.cache || (storage ? "no-store" : "default") });
  } catch (error) {
    arrived(url);
    throw error;
  }
  // A wrong copy is fetched once more (refetch) before the failure is shown,
  // so that a reload finds a right one, wherever the wrong one was kept.
  const wrong = async (problem) => {
    const again = await refetch(url, file);
    failStart("download", again ? `${problem}; once more: ${again}` : problem);
    return problem;
  };
  if (!response.ok || !response.body) {
    arrived(url);
    const problem = `${url}: HTTP ${response.status}`;
    checks.push(wrong(problem));
    return response;
  }
  const [forPyodide, forCheck] = response.body.tee();
  const contentType = response.headers.get("Content-Type");
  const check = checkAndKeep(url, file, forCheck, contentType)
    .catch((error) => `${url}: ${error}`)
    .then((problem) => (problem ? wrong(problem) : null)); // at once, not after Python has started
  checks.push(check);
  storing.push(check); // "stored" waits for the copy it may make
  return new Response(forPyodide, { status: response.status, headers: { "Content-Type": contentType || "" } });
};

/** After a failed start with every file in hand, drop the runtime caches (one
 * of them may hold a bad copy) so that a reload starts clean. */
async function dropRuntimeCaches() {
  if (!hasCaches) return;
  const names = new Set(Object.values(files).map((file) => file.cache));
  await Promise.all([...names].map((name) => caches.delete(name).catch(() => {})));
}

/** Why the start failed, as one of the page's reasons (sitegen/checker_page.py FAILURES). */
let failed = false;
async function failStart(kind, detail) {
  if (respond || failed) return;
  failed = true;
  if (kind !== "download") {
    // A file that does not match explains the failure better (e.g. a .wasm cut short).
    const problems = (await Promise.all(checks)).filter(Boolean);
    if (problems.length) {
      kind = "download";
      detail = problems.join("; ");
    } else if (kind === "start") {
      await dropRuntimeCaches();
    }
  }
  // After a failed download, the files already checked and kept stay for a retry.
  post({ type: "failed", kind, detail: String(detail) });
}

// Pyodide reports a failed WebAssembly start-up (e.g. .wasm served without the
// application/wasm type, or a .wasm cut short) only on the console and then
// waits forever; turn that report into a failure the page can show at once.
let startupLog = "";
for (const level of ["error", "warn"]) {
  const original = console[level].bind(console);
  console[level] = (...args) => {
    original(...args);
    const text = args.map(String).join(" ");
    if (respond || !/WebAssembly|wasm instantiation/i.test(text)) return;
    if (!startupLog) {
      // Report once, after the messages that follow the first have arrived.
      setTimeout(() => failStart(/MIME/i.test(startupLog) ? "server" : "start", startupLog), 50);
    }
    startupLog += `${text}\n`;
  };
}

// ---- the memory snapshot -------------------------------------------------------

// A memory snapshot of Python with the checker already imported, made on the
// first visit and kept (gzip-compressed) in this device's Cache Storage next to
// the wheel it belongs to: later visits restore it instead of starting Python
// from scratch. Nothing is downloaded for it.
const wheelCache = files[wheel] && files[wheel].cache;
// A snapshot only fits the Pyodide build and the standard library it was made
// with, next to the wheel it holds: its key names all three.
const snapshotKey = new URL(
  `python-snapshot-${files[new URL("pyodide.asm.wasm", runtime).href].cache}-${files[stdlib].cache}.gz`, wheel).href;

/** Start Pyodide, restoring a snapshot or asking for one to be made.
 * Snapshots are PRIVATE, experimental options of loadPyodide (_loadSnapshot,
 * _makeSnapshot); kept behind this one function, and
 * tests/site/test_faults.py::test_pyodide_still_has_the_private_snapshot_options
 * fails loudly if a Pyodide upgrade renames them. */
function startPython(options, { restore = null, make = false }) {
  return loadPyodide(restore ? { ...options, _loadSnapshot: restore } : { ...options, _makeSnapshot: make });
}

async function readSnapshot() {
  if (!wheelCache || !hasCaches || typeof DecompressionStream !== "function") return null;
  try {
    const cached = await (await caches.open(wheelCache)).match(snapshotKey);
    if (!cached) return null;
    const stream = cached.body.pipeThrough(new DecompressionStream("gzip"));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch {
    return null;
  }
}

async function storeSnapshot(bytes) {
  if (!hasCaches || typeof CompressionStream !== "function") return;
  const body = new Blob([bytes]).stream().pipeThrough(new CompressionStream("gzip"));
  try {
    const cache = await caches.open(wheelCache);
    await cache.put(snapshotKey, new Response(body, { headers: { "Content-Type": "application/gzip" } }));
  } catch {
    // no room or no storage: the next visit starts Python normally
  }
}

// ---- start ----------------------------------------------------------------------

async function fetchWheel() {
  await wasmNearlyIn;
  const response = await self.fetch(wheel);
  if (!response.ok) throw new Error(`wheel: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

async function init() {
  post({ type: "progress", loaded: 0, total });
  const wheelBytes = fetchWheel();
  wheelBytes.catch(() => {}); // reported where it is awaited
  // The checker needs no package, so the lock file is not fetched: its header
  // comes in runtime.js. The standard library is trimmed to what the checker
  // uses and compiled to bytecode, so Python starts without compiling it
  // (sitegen/stdlib.py).
  const options = {
    indexURL: runtime, stdLibURL: stdlib, packages: [], lockFileContents: { info: lockInfo, packages: {} },
  };
  let pyodide = null;
  let restored = false;
  const saved = await readSnapshot();
  if (saved) {
    try {
      pyodide = await startPython(options, { restore: saved });
      restored = true;
    } catch {
      caches.open(wheelCache).then((cache) => cache.delete(snapshotKey)).catch(() => {});
    }
  }
  if (!pyodide) pyodide = await startPython(options, { make: Boolean(wheelCache) });
  post({ type: "phase", phase: "python" });
  // Every downloaded file must match what the build recorded before Python runs it.
  const problems = (await Promise.all(checks)).filter(Boolean);
  if (problems.length) throw new Error(problems.join("; "));
  // The package files live in the (JavaScript-side) file system, which a memory
  // snapshot does not hold, so they are unpacked on every start.
  pyodide.unpackArchive(await wheelBytes, "wheel");
  const checkerRespond = pyodide.pyimport("checker.web").respond;
  // Taken before any answer reaches Python, so no answer is ever stored in it.
  let snapshotBytes = null;
  if (!restored && wheelCache) {
    checkerRespond("{}"); // import everything a check uses first
    try {
      snapshotBytes = pyodide.makeMemorySnapshot();
    } catch (error) {
      console.warn("checker: no memory snapshot:", error); // the next visit starts Python normally
    }
  }
  respond = checkerRespond; // from here on, the start has succeeded
  python = pyodide;
  post({ type: "ready", boot: restored ? "snapshot" : "fresh" });
  // Module imports bypass fetch(), so keep the two loader modules for offline
  // use now that the imports have put them in the HTTP cache (no new download).
  for (const name of ["pyodide.mjs", "pyodide.asm.mjs"]) {
    storing.push(self.fetch(new URL(name, runtime).href, { cache: "force-cache" }).then((r) => r.arrayBuffer()).catch(() => {}));
  }
  // Keeping files for offline use finishes in the background; the page is told.
  while (storing.length) await Promise.all(storing.splice(0)); // a write may queue another
  post({ type: "stored" });
  if (snapshotBytes) {
    // After the first result has been shown, so that compressing it does not delay that.
    setTimeout(async () => {
      await storeSnapshot(snapshotBytes);
      post({ type: "snapshot-stored" });
    }, 300);
  }
}

// ---- messages from the page ---------------------------------------------------------

const HANDLERS = {
  // From boot.js, before ready: the downloads it started, then each response.
  downloads(data) {
    for (const url of data.urls) handedOver.set(url, new Promise((resolve) => settlers.set(url, resolve)));
    listed();
  },
  download(data) {
    const settle = settlers.get(data.url) || (() => {});
    settlers.delete(data.url);
    let response = null;
    try {
      if (data.body) response = new Response(data.body, { status: data.status, headers: { "Content-Type": data.contentType } });
    } catch {
      // not a response this worker can pass on: it fetches the file itself
    }
    settle(response);
  },
  // The page sends answers only after "ready", so respond is set by then.
  // {json}: the answers as JSON text (integers as typed, app.js toJson), or
  // {answers}: an object.
  evaluate(data) {
    const json = typeof data.json === "string" ? data.json : JSON.stringify(data.answers || {});
    post({ type: "result", payload: respond(json, typeof data.today === "string" ? data.today : null) });
  },
  // The unit's desk (/unit/): its own module, imported only when such a
  // message comes, so /checker/ never loads it. It answers batch-result or
  // batch-error with the message's id.
  batch(data) {
    setTimeout(keepUnitFiles, 1000); // after the page's first call has its answer
    import("./batch.js").then((batch) => batch.handle(python, data)).catch((error) =>
      post({ type: "batch-error", id: data.id, message: String(error && error.message ? error.message : error) }));
  },
};

self.onmessage = (event) => {
  const handler = HANDLERS[event.data && event.data.type];
  if (!handler) return;
  try {
    handler(event.data);
  } catch (error) {
    post({ type: "error", message: String(error && error.message ? error.message : error) });
  }
};

init().catch((error) => failStart("start", error && error.stack ? error.stack : error));
