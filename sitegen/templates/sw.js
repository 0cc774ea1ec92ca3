// Service worker, generated at build time (sitegen/offline.py). It keeps the
// site's pages and assets for offline use, and the checker's runtime once a
// check has run. Each build has its own cache; Pyodide, the standard library
// and the checker's wheel live in caches named after their version, so a new
// build that keeps them does not download them again, and one that changes
// them drops the old ones.
const BUILD = "__BUILD__";
const SHELL = __SHELL__;
const SITE_CACHE = `site-${BUILD}`;
const KEEP = new Set([SITE_CACHE, ...__RUNTIME_CACHES__]);
const OURS = /^(site|pyodide|stdlib|checker)-/;
const ROOT = new URL(self.registration.scope);
const NETWORK_TIMEOUT_MS = 4000;

// runtimeCache(url), from assets/checker/cache-names.js:
__RUNTIME_CACHE_FUNCTION__

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(SITE_CACHE);
    await cache.addAll(SHELL.map((path) => new Request(new URL(path, ROOT), { cache: "reload" })));
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (OURS.test(name) && !KEEP.has(name)) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

async function cacheFirst(request, cacheName) {
  const cached = await caches.match(request, { ignoreSearch: true });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok && cacheName) (await caches.open(cacheName)).put(request, response.clone());
  return response;
}

async function networkFirst(request) {
  const cached = caches.match(request, { ignoreSearch: true });
  try {
    const response = await Promise.race([
      fetch(request),
      new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), NETWORK_TIMEOUT_MS)),
    ]);
    if (response.ok) (await caches.open(SITE_CACHE)).put(new URL(request.url).pathname, response.clone());
    return response;
  } catch (error) {
    return (await cached) || (await caches.match(new URL("404.html", ROOT))) || Response.error();
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== ROOT.origin || !url.pathname.startsWith(ROOT.pathname)) return;
  if (url.pathname === new URL("sw.js", ROOT).pathname) return;
  const runtime = runtimeCache(url);
  if (runtime) event.respondWith(cacheFirst(request, runtime));
  else if (request.mode === "navigate") event.respondWith(networkFirst(request));
  else event.respondWith(cacheFirst(request, SITE_CACHE));
});
