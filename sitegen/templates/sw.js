// Service worker, generated at build time (sitegen/offline.py). It keeps the
// site's pages and assets for offline use, and serves the checker's runtime
// from the caches the checker's worker keeps. Each build has its own cache;
// Pyodide, the standard library and the checker's wheel live in caches named
// after their version, so a new build that keeps them does not download them
// again, and one that changes them drops the old ones.
const BUILD = {{ build|tojson }};
const SHELL = {{ shell|tojson }};
const SITE_CACHE = `site-${BUILD}`;
const ROOT = new URL(self.registration.scope);
const SHELL_PATHS = new Set(SHELL.map((path) => new URL(path, ROOT).pathname));
// Site-relative path of each runtime file → its cache (sitegen/checker_assets.py,
// which writes the same names into the checker's runtime.js).
const RUNTIME = new Map(Object.entries({{ runtime_caches|tojson(sort_keys=True) }}).map(([path, cache]) => [new URL(path, ROOT).pathname, cache]));
const KEEP = new Set([SITE_CACHE, ...RUNTIME.values()]);
// The checker's scripts (cached by browsers for a year): site-relative path →
// [size, SHA-256] as built. A copy that does not match is never kept here.
const CHECKED = new Map(Object.entries({{ checked|tojson(sort_keys=True) }}).map(([path, file]) => [new URL(path, ROOT).href, file]));
const OURS = /^(site|pyodide|stdlib|checker|unit)-/;
const NETWORK_TIMEOUT_MS = 4000;

async function sha256(buffer) {
  const digest = await crypto.subtle.digest("SHA-256", buffer);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** A whole copy of a checked script from the network (bypassing the HTTP
 * cache, which may hold one cut short), tried twice; null if none matched. */
async function checkedCopy(url, [size, hash]) {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const response = await fetch(new Request(url, { cache: "reload" }));
      if (!response.ok) continue;
      const body = await response.arrayBuffer();
      if (body.byteLength === size && (!self.crypto || !crypto.subtle || (await sha256(body)) === hash)) {
        return new Response(body, { headers: { "Content-Type": response.headers.get("Content-Type") || "" } });
      }
    } catch {
      // offline: nothing to keep
    }
  }
  return null;
}

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(SITE_CACHE);
    const urls = SHELL.map((path) => new URL(path, ROOT).href);
    await cache.addAll(urls.filter((url) => !CHECKED.has(url)).map((url) => new Request(url, { cache: "reload" })));
    await Promise.all(urls.filter((url) => CHECKED.has(url)).map(async (url) => {
      const copy = await checkedCopy(url, CHECKED.get(url));
      if (copy) await cache.put(url, copy);
    }));
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
// A request that bypasses the browser's cache (cache: "reload", e.g. boot.js
// fetching again a script that did not run) bypasses this one too, and
// replaces the copy kept here.
async function cacheFirst(request) {
  const bypass = request.cache === "reload" || request.cache === "no-store";
  const cached = bypass ? null : await caches.match(request, { ignoreSearch: true });
  if (cached) return cached;
  const url = new URL(request.url);
  const checked = CHECKED.get(url.origin + url.pathname);
  if (checked) {
    const copy = await checkedCopy(url.origin + url.pathname, checked);
    if (!copy) return fetch(request); // passes through, unkept
    (await caches.open(SITE_CACHE)).put(url.origin + url.pathname, copy.clone());
    return copy;
  }
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
