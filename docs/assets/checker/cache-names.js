// Which Cache Storage cache a versioned runtime file belongs in. Shared by the
// checker's worker (imported) and the service worker (sitegen/offline.py copies
// this function into sw.js, a classic script), so both name caches alike.
export function runtimeCache(url) {
  const pyodide = url.pathname.match(/\/assets\/pyodide\/([^/]+)\//);
  if (pyodide) return `pyodide-${pyodide[1]}`;
  const wheel = url.pathname.match(/\/assets\/checker\/checker-([0-9a-f]+)\.whl$/);
  return wheel ? `checker-${wheel[1]}` : null;
}
