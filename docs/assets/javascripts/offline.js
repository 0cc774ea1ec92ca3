// Register the service worker (sw.js at the site root) that keeps the site,
// and after a first check the checker's runtime, available offline.
if ("serviceWorker" in navigator && location.protocol !== "file:") {
  const root = new URL("../../", document.currentScript.src);
  window.addEventListener("load", () => {
    navigator.serviceWorker.register(new URL("sw.js", root), { scope: root.pathname }).catch(() => {});
  });
}
