// Which Cache Storage cache a versioned runtime file belongs in. Shared by the
// checker's worker (imported) and the service worker (sitegen/offline.py copies
// this function into sw.js, a classic script), so both name caches alike.
// Each name changes with the content, so a build that drops a file drops its
// cache: Pyodide by version, the standard library and the wheel by hash.
export function runtimeCache(url) {
  const stdlib = url.pathname.match(/\/assets\/pyodide\/[^/]+\/stdlib-([0-9a-f]+)\.zip$/);
  if (stdlib) return `stdlib-${stdlib[1]}`;
  const pyodide = url.pathname.match(/\/assets\/pyodide\/([^/]+)\//);
  if (pyodide) return `pyodide-${pyodide[1]}`;
  const wheel = url.pathname.match(/\/assets\/checker\/checker-([0-9a-f]+)\.whl$/);
  return wheel ? `checker-${wheel[1]}` : null;
}
