// Module Web Worker: loads the self-hosted Pyodide once, unpacks the checker's
// wheel (no micropip, no network beyond this site), then answers each
// {type: "evaluate"} message with checker.web.respond(). Only JSON text
// crosses between JavaScript and Python.

let respond = null;

function progress(text, percent) {
  self.postMessage({ type: "progress", text, percent });
}

async function init({ runtime, wheel }) {
  progress("正在下载并启动 Python 运行环境……", 10);
  const { loadPyodide } = await import(new URL("pyodide.mjs", runtime).href);
  const pyodide = await loadPyodide({ indexURL: runtime, packages: [] });
  progress("正在加载自查规则……", 80);
  const response = await fetch(wheel);
  if (!response.ok) throw new Error(`自查规则文件下载失败（HTTP ${response.status}）`);
  pyodide.unpackArchive(new Uint8Array(await response.arrayBuffer()), "wheel");
  respond = pyodide.pyimport("checker.web").respond;
  progress("准备完成", 100);
  self.postMessage({ type: "ready" });
}

self.onmessage = async (event) => {
  const message = event.data;
  try {
    if (message.type === "init") {
      await init(message);
    } else if (message.type === "evaluate") {
      const payload = respond(JSON.stringify(message.answers));
      self.postMessage({ type: "result", id: message.id, payload });
    }
  } catch (error) {
    self.postMessage({ type: "error", message: String(error && error.message ? error.message : error) });
  }
};
