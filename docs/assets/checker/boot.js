// Starts the checker's Web Worker from <head>, before the rest of the page is
// parsed. A classic, parser-blocking script on purpose: it runs as soon as it
// has arrived, while the main thread is still free; an async module ran only
// after the first layout, and the worker cannot start while the main thread is
// busy (~200 ms later on a 2-core machine). The worker finds its runtime by
// itself (runtime.js) and starts Pyodide at once. app.js takes the worker over
// from window.checkerBoot, replaying the messages that arrived before it.
"use strict";

window.checkerBoot = (function start(script) {
  if (typeof WebAssembly !== "object" || typeof Worker !== "function") {
    return { error: "您的浏览器不支持 WebAssembly 或 Web Worker" };
  }
  let worker;
  try {
    worker = new Worker(new URL("worker.js", script.src), { type: "module" });
  } catch {
    return { error: "无法启动后台程序" };
  }
  const early = [];
  const keep = (event) => early.push(event);
  worker.addEventListener("message", keep);
  worker.addEventListener("error", keep);
  const release = () => {
    worker.removeEventListener("message", keep);
    worker.removeEventListener("error", keep);
    return early;
  };
  return { worker, release };
})(document.currentScript);
