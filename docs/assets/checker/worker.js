// Module Web Worker: loads the self-hosted Pyodide once, unpacks the checker's
// wheel (no micropip, no network beyond this site), then answers each
// {type: "evaluate"} message with checker.web.respond(). Only JSON text
// crosses between JavaScript and Python.

let respond = null;

// Pyodide reports a failed WebAssembly start-up (e.g. .wasm served without the
// application/wasm type) only on the console and then waits forever; turn that
// report into an error the page can show at once.
let startupLog = "";
for (const level of ["error", "warn"]) {
  const original = console[level].bind(console);
  console[level] = (...args) => {
    original(...args);
    const text = args.map(String).join(" ");
    if (respond || !/WebAssembly|wasm instantiation/i.test(text)) return;
    if (!startupLog) {
      // Report once, after the messages that follow the first have arrived.
      setTimeout(() => {
        const hint = /MIME/i.test(startupLog)
          ? "服务器提供 .wasm 文件的类型不是 application/wasm"
          : "WebAssembly 启动失败";
        self.postMessage({ type: "error", message: hint });
      }, 50);
    }
    startupLog += `${text}\n`;
  };
}

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
