// Module Web Worker: loads the self-hosted Pyodide as soon as it starts (no
// message from the page needed), unpacks the checker's wheel (no micropip, no
// network beyond this site), then answers each {type: "evaluate"} message with
// checker.web.respond(). Only JSON text crosses between JavaScript and Python.

import { runtimeCache } from "./cache-names.js";
// Generated at build time (sitegen/runtime.py): the versioned runtime paths and
// Pyodide's loader, fetched together with this script.
import { loadPyodide, lockInfo, runtime, stdlib, wheel } from "./runtime.js";

let respond = null;
let python = null; // unit's desk: batch.js needs the interpreter (set once ready)

// Pyodide reports a failed WebAssembly start-up (e.g. .wasm served without the
// application/wasm type) only on the console and then waits forever; turn that
// report into an error the page can show at once.
let startupLog = "";
for (const level of ["error", "warn"]) {
  const original = console[level].bind(console);
  console[level] = (...args) => {
    original(...args);
    const text = args.map(String).join(" ");
    if (respond || !/WebAssembly|wasm instantiation/i.test(text)) return;
    if (!startupLog) {
      // Report once, after the messages that follow the first have arrived.
      setTimeout(() => {
        const hint = /MIME/i.test(startupLog)
          ? "服务器提供 .wasm 文件的类型不是 application/wasm"
          : "WebAssembly 启动失败";
        self.postMessage({ type: "error", message: hint });
      }, 50);
    }
    startupLog += `${text}\n`;
  };
}

// Pyodide fetches its files with fetch(); serve them from the Cache Storage
// when they are there (a warm or offline start) and keep them there otherwise,
// so that a check works offline after the first one whether or not the
// service worker was already in control when the files first came.
const networkFetch = self.fetch.bind(self);
const storing = []; // cache writes in progress, awaited before "stored"
self.fetch = async (input, init) => {
  const url = new URL(input instanceof Request ? input.url : input, self.location.href);
  const name = "caches" in self && runtimeCache(url);
  if (!name) return networkFetch(input, init);
  try {
    const cached = await caches.match(url.href);
    if (cached) return cached;
  } catch {
    return networkFetch(input, init); // storage unavailable (e.g. private mode)
  }
  const response = await networkFetch(input, init);
  if (response.ok) {
    const copy = response.clone(); // stored as it streams in, without delaying Pyodide
    storing.push(caches.open(name).then((cache) => cache.put(url.href, copy)).catch(() => {}));
  }
  return response;
};

function progress(text, percent) {
  self.postMessage({ type: "progress", text, percent });
}

// A memory snapshot of Python with the checker already imported, made on the
// first visit and kept (gzip-compressed) in this device's Cache Storage next to
// the wheel it belongs to: later visits restore it instead of starting Python
// from scratch. Pyodide marks snapshots experimental, so any failure falls back
// to a normal start and drops the snapshot. Nothing is downloaded for it.

async function readSnapshot(cacheName, key) {
  if (!("caches" in self) || typeof DecompressionStream !== "function") return null;
  try {
    const cached = await (await caches.open(cacheName)).match(key);
    if (!cached) return null;
    const stream = cached.body.pipeThrough(new DecompressionStream("gzip"));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch {
    return null;
  }
}

async function storeSnapshot(cacheName, key, bytes) {
  if (!("caches" in self) || typeof CompressionStream !== "function") return;
  const body = new Blob([bytes]).stream().pipeThrough(new CompressionStream("gzip"));
  try {
    const cache = await caches.open(cacheName);
    await cache.put(key, new Response(body, { headers: { "Content-Type": "application/gzip" } }));
  } catch {
    // no room or no storage: the next visit starts Python normally
  }
}

async function init() {
  progress("正在下载并启动 Python 运行环境……", 10);
  const wheelBytes = self.fetch(wheel).then((response) => {
    if (!response.ok) throw new Error(`自查规则文件下载失败（HTTP ${response.status}）`);
    return response.arrayBuffer();
  });
  const cacheName = runtimeCache(new URL(wheel));
  // A snapshot only fits the Pyodide build and the standard library it was made
  // with, next to the wheel it holds: its key names all three.
  const made = `${runtimeCache(new URL(runtime))}-${runtimeCache(new URL(stdlib))}`;
  const snapshotKey = new URL(`python-snapshot-${made}.gz`, wheel).href;
  const snapshot = cacheName ? readSnapshot(cacheName, snapshotKey) : Promise.resolve(null);
  // The checker needs no package, so the lock file is not fetched: its header
  // comes in runtime.js. The standard library is trimmed to what the checker
  // uses and compiled to bytecode, so Python starts without compiling it
  // (sitegen/stdlib.py).
  const options = {
    indexURL: runtime, stdLibURL: stdlib, packages: [], lockFileContents: { info: lockInfo, packages: {} },
  };
  let pyodide = null;
  let restored = false;
  const saved = await snapshot;
  if (saved) {
    try {
      pyodide = await loadPyodide({ ...options, _loadSnapshot: saved });
      restored = true;
    } catch {
      caches.open(cacheName).then((cache) => cache.delete(snapshotKey)).catch(() => {});
    }
  }
  if (!pyodide) pyodide = await loadPyodide({ ...options, _makeSnapshot: Boolean(cacheName) });
  // Module imports bypass fetch(), so keep the two loader modules for offline
  // use now that the imports have put them in the HTTP cache (no new download).
  for (const name of ["pyodide.mjs", "pyodide.asm.mjs"]) {
    storing.push(self.fetch(new URL(name, runtime).href, { cache: "force-cache" }).catch(() => {}));
  }
  progress("正在加载自查规则……", 80);
  // The package files live in the (JavaScript-side) file system, which a memory
  // snapshot does not hold, so they are unpacked on every start.
  pyodide.unpackArchive(new Uint8Array(await wheelBytes), "wheel");
  respond = pyodide.pyimport("checker.web").respond;
  python = pyodide;
  // Taken before any answer reaches Python, so no answer is ever stored in it.
  let snapshotBytes = null;
  if (!restored && cacheName) {
    respond("{}"); // import everything a check uses first
    snapshotBytes = pyodide.makeMemorySnapshot();
  }
  progress("准备完成", 100);
  self.postMessage({ type: "ready", boot: restored ? "snapshot" : "fresh" });
  // Keeping files for offline use finishes in the background; the page is told.
  while (storing.length) await Promise.all(storing.splice(0)); // a write may queue another
  self.postMessage({ type: "stored" });
  if (snapshotBytes) {
    // After the first result has been shown, so that compressing it does not delay that.
    setTimeout(async () => {
      await storeSnapshot(cacheName, snapshotKey, snapshotBytes);
      self.postMessage({ type: "snapshot-stored" });
    }, 300);
  }
}

function reportError(error) {
  self.postMessage({ type: "error", message: String(error && error.message ? error.message : error) });
}

// The page sends answers only after "ready", so respond is set by then.
self.onmessage = (event) => {
  // Unit's desk (/unit/): its own module, loaded only when such a message comes.
  if (event.data.type === "batch") {
    import("./batch.js").then((batch) => batch.handle(python, event.data)).catch(reportError);
    return;
  }
  if (event.data.type !== "evaluate") return;
  try {
    self.postMessage({ type: "result", payload: respond(JSON.stringify(event.data.answers)) });
  } catch (error) {
    reportError(error);
  }
};

init().catch(reportError);
