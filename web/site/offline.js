// Register the service worker (sw.js at the site root) that keeps the site,
// and after a first check the checker's runtime, available offline.
if ("serviceWorker" in navigator && location.protocol !== "file:") {
  const root = new URL("../../", document.currentScript.src);
  const html = document.documentElement;
  const register = () => {
    navigator.serviceWorker.register(new URL("sw.js", root), { scope: root.pathname }).catch(() => {});
  };
  // On the checker page, wait until the checker is ready (or has failed): the
  // service worker's install downloads the whole site and would compete with
  // Pyodide's start-up for the same cores and connections (~140 ms of a cold
  // start on a 2-core machine: README, Performance). The checker keeps its own runtime
  // files offline meanwhile (web/checker/worker.js).
  const settled = () => !window.checkerBoot || html.dataset.checker === "ready" || html.dataset.checker === "failed";
  window.addEventListener("load", () => {
    if (settled()) {
      register();
      return;
    }
    const watch = new MutationObserver(() => {
      if (!settled()) return;
      watch.disconnect();
      register();
    });
    watch.observe(html, { attributes: true, attributeFilter: ["data-checker"] });
  });
}
