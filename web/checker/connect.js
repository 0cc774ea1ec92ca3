// A page on the checker's worker, shared by app.js (/checker/) and unit.js
// (/unit/): wait for boot.js (async, in <head>) if it has not run yet, take
// its worker over, replay the messages that arrived before, route every
// message to the page's handler named by its type; watch the start (a stall
// watchdog per phase: scripts, download, start) and show a failure by its
// kind (checker/failures.toml [kinds]) in <html data-checker-failure>, which
// checker.css turns into the page's sentence; the detail goes to the console.

// Timings (a test page may shorten them through window.CHECKER_*_MS).
// No sign of life from the worker for this long means the download has stalled
// (every few kilobytes bring a progress message): fail on a stall, never on the
// total time, so a slow network still gets there.
const STALL_MS = Number(window.CHECKER_STALL_MS || 30000);
// Once every byte is in, Python starts; a slow phone may take a while.
const START_MS = Number(window.CHECKER_START_MS || 60000);
// How long to wait for boot.js (async, in <head>) if it has not run yet.
const BOOT_WAIT_MS = Number(window.CHECKER_BOOT_WAIT_MS || 15000);

/**
 * Start the page on the checker's worker.
 * @param {object} page
 * @param {string} page.name  the console's prefix ("checker", "unit")
 * @param {Record<string, (data: object) => void>} page.handlers  message type → handler;
 *   "progress" and "phase" are watched here first, "failed" is handled here
 * @param {() => boolean} page.isReady  the checker answers (a worker error is then the page's)
 * @param {(worker: Worker) => void} page.onStart  boot.js's worker is the page's from now on
 * @param {(kind: string) => void} [page.onFail]  the start failed (before the page shows it)
 * @returns {{connect: () => void, fail: (kind: string, detail?: string) => void, started: () => void,
 *   restart: () => Worker}}
 */
export function startPage({ name, handlers, isReady, onStart, onFail = () => {} }) {
  const html = document.documentElement;
  let worker = null;
  let watchdog = null;

  function fail(kind, detail) {
    clearTimeout(watchdog);
    if (detail) console.error(`${name}:`, detail);
    if (window.checkerBoot && window.checkerBoot.fail) window.checkerBoot.fail(kind);
    if (worker) worker.terminate();
    onFail(kind);
    if (html.dataset.checker === "failed") return;
    html.dataset.checkerFailure = kind;
    html.dataset.checker = "failed";
    const generic = document.getElementById("generic-checklist"); // /checker/'s
    if (generic) generic.open = true;
  }
  function watch(ms, kind) {
    clearTimeout(watchdog);
    watchdog = setTimeout(() => fail(kind, `no word from the checker's worker for ${ms} ms`), ms);
  }
  const routed = {
    ...handlers,
    progress: (data) => {
      watch(STALL_MS, "network");
      if (handlers.progress) handlers.progress(data);
    },
    phase: (data) => {
      watch(START_MS, "start");
      if (handlers.phase) handlers.phase(data);
    },
    failed: (data) => fail(data.kind, data.detail),
  };
  return {
    /** Take boot.js's worker over; messages that came before are handled now
     * (called once the page holds this object: a handler may use it). */
    connect: () => {
      connectWorker({
        handlers: routed,
        onError: (event) => (isReady() ? routed.error({ message: event.message })
          : fail("scripts", event.message || "the checker's worker did not load")),
        onStart: (bootWorker) => {
          worker = bootWorker;
          onStart(worker);
          // Silent until its first word: its scripts did not all run (a copy cut
          // short can still parse, and says nothing); boot.fail fetches them again.
          watch(STALL_MS, "scripts");
        },
        fail,
        waitMs: BOOT_WAIT_MS,
      });
    },
    fail,
    /** The checker is up: the watchdog ends. */
    started: () => clearTimeout(watchdog),
    /** A new worker replaces the current one (the page has stopped it): the page's from now on. */
    restart: () => {
      worker = new Worker(new URL(`worker.js#stall=${STALL_MS}`, import.meta.url), { type: "module" });
      worker.onmessage = dispatch(routed);
      worker.onerror = (event) => fail("scripts", event.message);
      watch(STALL_MS, "network");
      return worker;
    },
  };
}

/** Each message to the handler named by its type. */
const dispatch = (handlers) => (event) => {
  const handler = handlers[event.data && event.data.type];
  if (handler) handler(event.data);
};

/**
 * Take boot.js's worker over (see startPage).
 * @param {object} page
 * @param {Record<string, (data: object) => void>} page.handlers  message type → handler
 * @param {(event: ErrorEvent) => void} page.onError  the worker failed to load or threw
 * @param {(worker: Worker) => void} page.onStart  the worker is the page's from now on
 * @param {(kind: string, detail: string) => void} page.fail  boot.js never ran
 * @param {number} page.waitMs  how long to wait for boot.js
 */
function connectWorker({ handlers, onError, onStart, fail, waitMs }) {
  const takeOver = (boot) => {
    // boot.js found no WebAssembly, or gave up on this script.
    if (document.documentElement.dataset.checker === "failed") return;
    const onMessage = dispatch(handlers);
    onStart(boot.worker);
    for (const event of boot.claim()) {
      if (event.type === "error") onError(event);
      else onMessage(event);
    }
    boot.worker.onerror = onError;
    boot.worker.onmessage = onMessage;
  };
  if (window.checkerBoot) {
    takeOver(window.checkerBoot);
    return;
  }
  const timer = setTimeout(() => {
    // A boot.js cut short would be kept by the HTTP cache: fetch it once more,
    // bypassing that, so that the reload the page asks for finds a whole one.
    fetch(new URL("boot.js", import.meta.url), { cache: "reload" }).then((r) => r.arrayBuffer()).catch(() => {});
    fail("scripts", "boot.js did not run");
  }, waitMs);
  document.addEventListener("checker-boot", () => {
    clearTimeout(timer);
    takeOver(window.checkerBoot);
  }, { once: true });
}
