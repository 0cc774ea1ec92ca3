// Starts the checker's Web Worker from <head>, before the rest of the page is
// parsed: it runs as soon as it has arrived, while the main thread is still
// free (a module ran only after the first layout, ~200 ms later on a 2-core
// machine). Async, not parser-blocking: a download that stalls must not keep
// the page blank. The worker finds its runtime by itself (runtime.js) and
// starts Pyodide at once. app.js takes the worker over (claim()), replaying
// the messages that arrived before it. The runtime's largest files start
// downloading from here (handOver), before the worker has its scripts.
//
// It also marks the document (<html data-checker>, GOV.UK's js-enabled
// pattern): the form is shown only while the checker is loading or ready, and
// a failure is shown by CSS from data-checker-failure, so this works before
// the body exists and whether or not app.js ever arrives.
"use strict";

window.checkerBoot = (function start(script) {
  const html = document.documentElement;
  // app.js is a module, run once the page is parsed; if it has not taken the
  // worker over by then, it is missing or stalled: say so.
  const APP_WAIT_MS = Number(window.CHECKER_APP_WAIT_MS || 30000);
  // No byte for this long ends a download (the worker's own downloads too).
  const STALL_MS = Number(window.CHECKER_STALL_MS || 30000);
  const boot = { worker: null, early: [], timer: 0 };
  boot.fail = (kind, detail) => {
    clearTimeout(boot.timer);
    if (detail) console.error("checker:", detail);
    if (boot.worker) boot.worker.terminate();
    if (kind === "scripts") refetchScripts();
    if (html.dataset.checker === "failed") return;
    html.dataset.checkerFailure = kind;
    html.dataset.checker = "failed";
    const generic = document.getElementById("generic-checklist");
    if (generic) generic.open = true;
  };
  // A script of this folder that did not run may be a copy cut short, which
  // the HTTP cache would keep for a year (the folder is immutable): fetch
  // each once more, bypassing and replacing what the browser (and the service
  // worker, sw.js) kept, so that the reload the page asks for finds whole ones.
  // The folder's scripts (tests/site/test_faults.py checks the list).
  const SCRIPTS = ["app.js", "batch.js", "boot.js", "chart.js", "connect.js", "dom.js", "qr.js", "render.js", "runtime.js", "unit.js", "worker.js"];
  let refetched = false;
  function refetchScripts() {
    if (refetched || !script || typeof fetch !== "function") return;
    refetched = true;
    for (const name of SCRIPTS) {
      const controller = typeof AbortController === "function" ? new AbortController() : null;
      const timer = setTimeout(() => controller && controller.abort(), STALL_MS);
      fetch(new URL(name, script.src), { cache: "reload", signal: controller && controller.signal })
        .then((response) => response.arrayBuffer())
        .catch(() => {})
        .then(() => clearTimeout(timer));
    }
  }
  boot.refetchScripts = refetchScripts;
  if (html.dataset.checker === "failed") { // app.js gave up waiting for this script
    refetchScripts();
    return boot;
  }
  if (typeof WebAssembly !== "object" || typeof Worker !== "function") {
    boot.fail("unsupported", "no WebAssembly or no Web Worker in this browser");
    return boot;
  }
  html.dataset.checker = "loading";
  const downloads = plannedDownloads();
  try {
    const address = `worker.js#stall=${STALL_MS}${downloads ? "&handover=1" : ""}`;
    boot.worker = new Worker(new URL(address, script.src), { type: "module" });
  } catch (error) {
    boot.fail("unsupported", error);
    return boot;
  }
  if (downloads) handOver(boot.worker, downloads);
  const keep = (event) => boot.early.push(event);
  boot.worker.addEventListener("message", keep);
  boot.worker.addEventListener("error", keep);
  boot.claim = () => {
    clearTimeout(boot.timer);
    boot.worker.removeEventListener("message", keep);
    boot.worker.removeEventListener("error", keep);
    return boot.early;
  };
  boot.timer = setTimeout(() => boot.fail("scripts", "app.js did not take the worker over"), APP_WAIT_MS);
  return boot;

  // The runtime's largest files (the wasm, the standard library; the page
  // names them: data-downloads) start downloading from here, at once, not
  // once the worker has loaded its three scripts one after the other (~1 s
  // later on a phone at 150 ms a round trip). Each body is handed over to the
  // worker, which checks it (size, SHA-256) and keeps it as if it had fetched
  // it itself (worker.js, self.fetch): one download, never a second. Fetched
  // as the worker would: not at all when the Cache Storage already keeps it,
  // bypassing the HTTP cache when the Cache Storage is there to keep it.
  function plannedDownloads() {
    try {
      const plan = JSON.parse(script.dataset.downloads);
      return Object.entries(plan.files).map(([path, cache]) => ({ url: new URL(plan.root + path, script.src).href, cache }));
    } catch {
      return null; // not named: the worker fetches everything itself
    }
  }
  /** true or false, or null when this browser has no usable Cache Storage. */
  async function kept(file) {
    if (typeof caches !== "object") return null;
    try {
      return Boolean(await caches.match(file.url, { cacheName: file.cache }));
    } catch {
      return null;
    }
  }
  async function handOver(worker, files) {
    const found = await Promise.all(files.map(kept));
    const wanted = files.filter((file, n) => !found[n]);
    // First the list (the worker waits for it before fetching any runtime file),
    // then each response as it arrives; no body: the worker fetches that file.
    worker.postMessage({ type: "downloads", urls: wanted.map((file) => file.url) });
    for (const file of wanted) {
      const none = () => worker.postMessage({ type: "download", url: file.url, body: null });
      fetch(file.url, { cache: found[files.indexOf(file)] === null ? "default" : "no-store" }).then((response) => {
        const { status, body } = response;
        const contentType = response.headers.get("Content-Type") || "";
        try {
          worker.postMessage({ type: "download", url: file.url, status, contentType, body }, body ? [body] : []);
        } catch { // a browser that cannot transfer a stream: the worker downloads the file
          if (body) body.cancel();
          none();
        }
      }, none);
    }
  }
})(document.currentScript);
// For app.js, if it ran first and is waiting.
document.dispatchEvent(new Event("checker-boot"));
