// Service worker, generated at build time (sitegen/offline.py). It keeps the
// site's pages and assets for offline use, and serves the checker's runtime
// from the caches the checker's worker keeps. Each build has its own cache;
// Pyodide, the standard library and the checker's wheel live in caches named
// after their version, so a new build that keeps them does not download them
// again, and one that changes them drops the old ones.
const BUILD = "__BUILD__";
const SHELL = __SHELL__;
const SITE_CACHE = `site-${BUILD}`;
const ROOT = new URL(self.registration.scope);
const SHELL_PATHS = new Set(SHELL.map((path) => new URL(path, ROOT).pathname));
// Site-relative path of each runtime file → its cache (sitegen/checker_assets.py,
// which writes the same names into the checker's runtime.js).
const RUNTIME = new Map(Object.entries(__RUNTIME_CACHES__).map(([path, cache]) => [new URL(path, ROOT).pathname, cache]));
const KEEP = new Set([SITE_CACHE, ...RUNTIME.values()]);
const OURS = /^(site|pyodide|stdlib|checker)-/;
const NETWORK_TIMEOUT_MS = 4000;

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

// Only the files of this build's shell are stored: anything else (e.g. another
// build's runtime file) passes through unkept.
async function cacheFirst(request) {
  const cached = await caches.match(request, { ignoreSearch: true });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok && SHELL_PATHS.has(new URL(request.url).pathname)) {
    (await caches.open(SITE_CACHE)).put(request, response.clone());
  }
  return response;
}

// A runtime file is kept only by the checker's worker, once its size and hash
// match what the build recorded: a file cut short on the way (status 200 all
// the same) must never be kept, or every later visit would fail.
async function runtimeFile(request, cacheName) {
  const cached = await (await caches.open(cacheName)).match(request, { ignoreSearch: true });
  return cached || fetch(request);
}

// An offline miss is a 404 (the site's own 404 page), never a 200.
async function notFound() {
  const page = await caches.match(new URL("404.html", ROOT));
  if (!page) return Response.error();
  return new Response(page.body, { status: 404, statusText: "Not Found", headers: page.headers });
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
    return (await cached) || notFound();
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== ROOT.origin || !url.pathname.startsWith(ROOT.pathname)) return;
  if (url.pathname === new URL("sw.js", ROOT).pathname) return;
  const runtime = RUNTIME.get(url.pathname);
  if (runtime) event.respondWith(runtimeFile(request, runtime));
  else if (request.mode === "navigate") event.respondWith(networkFirst(request));
  else event.respondWith(cacheFirst(request));
});
