// The baseline of bench/run.py: only boot the site's own Pyodide and run 1+1.
const runtime = new URL("../assets/pyodide/__VERSION__/", import.meta.url).href;
const { loadPyodide } = await import(runtime + "pyodide.mjs");
const pyodide = await loadPyodide({ indexURL: runtime });
document.getElementById("state").textContent = String(pyodide.runPython("1+1"));
performance.mark("bare-ready");
document.documentElement.dataset.bare = "ready";
