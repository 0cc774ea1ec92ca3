// The page's side of the checker's worker, shared by app.js (/checker/) and
// unit.js (/unit/): wait for boot.js (async, in <head>) if it has not run yet,
// take its worker over, replay the messages that arrived before, then route
// every message to the handler named by its type.

/**
 * @param {object} page
 * @param {Record<string, (data: object) => void>} page.handlers  message type → handler
 * @param {(event: ErrorEvent) => void} page.onError  the worker failed to load or threw
 * @param {(worker: Worker) => void} page.onStart  the worker is the page's from now on
 * @param {(kind: string, detail: string) => void} page.fail  boot.js never ran
 * @param {number} page.waitMs  how long to wait for boot.js
 */
export function connectWorker({ handlers, onError, onStart, fail, waitMs }) {
  const takeOver = (boot) => {
    // boot.js found no WebAssembly, or gave up on this script.
    if (document.documentElement.dataset.checker === "failed") return;
    const onMessage = (event) => {
      const handler = handlers[event.data && event.data.type];
      if (handler) handler(event.data);
    };
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
