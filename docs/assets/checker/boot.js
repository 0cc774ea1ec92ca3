// Starts the checker's Web Worker from <head> (an async module), before the
// rest of the page has loaded, so that Pyodide's download and start-up overlap
// with the page's own. app.js imports the same module instance and takes over
// the worker, replaying the messages that arrived before it.

function start() {
  if (typeof WebAssembly !== "object" || typeof Worker !== "function") {
    return { error: "您的浏览器不支持 WebAssembly 或 Web Worker" };
  }
  const meta = document.querySelector('meta[name="checker-boot"]');
  if (!meta) return { error: "页面缺少自查程序的配置" };
  const config = JSON.parse(meta.content);
  const root = new URL(meta.dataset.root, document.baseURI);
  let worker;
  try {
    worker = new Worker(new URL("worker.js", import.meta.url), { type: "module" });
  } catch {
    return { error: "无法启动后台程序" };
  }
  const early = [];
  const keep = (event) => early.push(event);
  worker.addEventListener("message", keep);
  worker.addEventListener("error", keep);
  worker.postMessage({
    type: "init",
    runtime: new URL(config.runtime, root).href,
    wheel: new URL(config.wheel, root).href,
    stdlib: new URL(config.stdlib, root).href,
    lockInfo: config.lock_info,
  });
  const release = () => {
    worker.removeEventListener("message", keep);
    worker.removeEventListener("error", keep);
    return early;
  };
  return { worker, release };
}

export const boot = start();
