"""A loopback server for the built site that can misbehave on purpose, as a
real host, proxy or network does: answer 404, cut a file short with status
200, stall mid-download, serve the wrong type, or send every byte slowly.

It serves like deploy/nginx.conf in what matters here: ``.gz`` beside a file
when the browser accepts gzip (``gzip_static``), long caching for the
versioned runtime, ``no-cache`` for the rest.
"""

from __future__ import annotations

import re
import threading
import time
from dataclasses import dataclass
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Iterator
from urllib.parse import urlsplit

from .conftest import QuietHandler

IMMUTABLE = re.compile(r"/assets/pyodide/|/assets/checker/(checker-[0-9a-f]+\.whl|v-[0-9a-f]+/)")


@dataclass
class Fault:
    kind: str  # "missing" | "truncate" | "stall" | "wrong_type"
    after: int = 4096  # for "stall": bytes sent before the stall
    times: int | None = None  # how many requests it spoils (None: all); then the host is fine again


class FaultServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, directory: Path) -> None:
        super().__init__(("127.0.0.1", 0), FaultHandler)
        self.directory = directory
        self.faults: dict[str, Fault] = {}  # regex on the path → fault
        self.requests: list[str] = []  # every request line's target, in order
        self.rate: float | None = None  # bytes per second over all connections
        self._budget_lock = threading.Lock()
        self._next_send = time.monotonic()
        self.released = threading.Event()  # ends every stall (at shutdown)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def fault_for(self, path: str) -> Fault | None:
        fault = next((fault for pattern, fault in self.faults.items() if re.search(pattern, path)), None)
        if fault is None or fault.times is None:
            return fault
        with self._budget_lock:
            if fault.times <= 0:
                return None
            fault.times -= 1
        return fault

    def throttle(self, size: int) -> None:
        """One shared budget: like a slow access line, not a slow connection."""
        if not self.rate:
            return
        with self._budget_lock:
            start = max(self._next_send, time.monotonic())
            self._next_send = start + size / self.rate
        time.sleep(max(0.0, start - time.monotonic()))

    def start(self) -> "FaultServer":
        threading.Thread(target=self.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        self.released.set()
        self.shutdown()
        self.server_close()


class FaultHandler(QuietHandler):
    server: FaultServer
    CHUNK = 4096

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, directory=str(args[2].directory), **kwargs)  # type: ignore[attr-defined]

    def do_GET(self) -> None:
        self.server.requests.append(self.path)
        path = urlsplit(self.path).path
        fault = self.server.fault_for(path)
        if fault and fault.kind == "missing":
            self.send_error(404)
            return
        file = Path(self.translate_path(path))
        if file.is_dir():
            file = file / "index.html"
        if not file.is_file():
            self.send_error(404)
            return
        body, encoding = file, None
        gz = file.with_name(file.name + ".gz")
        if "gzip" in self.headers.get("Accept-Encoding", "") and gz.is_file() and not (fault and fault.kind == "truncate"):
            body, encoding = gz, "gzip"
        data = body.read_bytes()
        if fault and fault.kind == "truncate":
            data = data[: len(data) // 2]  # what a proxy that cut the file passes on: a short 200
        self.send_response(200)
        ctype = "application/octet-stream" if fault and fault.kind == "wrong_type" else self.guess_type(str(file))
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        if encoding:
            self.send_header("Content-Encoding", encoding)
        immutable = IMMUTABLE.search(path)
        self.send_header("Cache-Control", "max-age=31536000, immutable" if immutable else "no-cache")
        self.end_headers()
        try:
            for chunk in self._chunks(data, fault):
                self.server.throttle(len(chunk))
                self.wfile.write(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def _chunks(self, data: bytes, fault: Fault | None) -> Iterator[bytes]:
        for start in range(0, len(data), self.CHUNK):
            if fault and fault.kind == "stall" and start >= fault.after:
                self.wfile.flush()
                self.server.released.wait(300)  # no byte more until the test ends
                return
            yield data[start:start + self.CHUNK]
