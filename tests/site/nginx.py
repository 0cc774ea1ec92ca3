"""Debian's nginx on loopback, serving a built site with deploy/nginx.conf as
is, and deploy/nginx-brotli.conf with Debian's brotli_static module."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import time
from pathlib import Path

from .conftest import ROOT

CONFIG = ROOT / "deploy" / "nginx.conf"
BROTLI_CONFIG = ROOT / "deploy" / "nginx-brotli.conf"
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"

MAIN = """{user}{load_module}worker_processes 1;
error_log {prefix}/error.log warn;
pid {prefix}/nginx.pid;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;  # as Debian's nginx.conf does; the server's own types replace these
    access_log off;
    client_body_temp_path {prefix}/tmp/body;
    proxy_temp_path {prefix}/tmp/proxy;
    fastcgi_temp_path {prefix}/tmp/fastcgi;
    uwsgi_temp_path {prefix}/tmp/uwsgi;
    scgi_temp_path {prefix}/tmp/scgi;
    {include_brotli}
    include {config};
}}
"""


LISTEN = re.compile(r"^(\s*listen\s+)(\d+)", re.M)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def write_main(prefix: Path, brotli: bool = True) -> Path:
    """nginx's main configuration in ``prefix``: the project's files included
    in ``http { }`` as the README says, with or without brotli."""
    (prefix / "tmp").mkdir(parents=True, exist_ok=True)
    (prefix / "logs").mkdir(exist_ok=True)
    main = prefix / "nginx.conf"
    # The server block exactly as deployed, but on a free port: each test
    # worker (pytest-xdist) runs its own nginx.
    server = prefix / "server.conf"
    server.write_text(LISTEN.sub(lambda m: f"{m.group(1)}{free_port()}", CONFIG.read_text(), count=1))
    # As root, nginx's workers would run as nobody and could not read pytest's
    # private temporary folders; a test server may keep root's identity.
    user = "user root;\n" if os.geteuid() == 0 else ""
    if brotli and not BROTLI_MODULE.exists():
        raise RuntimeError(f"{BROTLI_MODULE} is missing: run scripts/setup --test (libnginx-mod-http-brotli-static)")
    main.write_text(MAIN.format(prefix=prefix, config=server, user=user,
                                load_module=f"load_module {BROTLI_MODULE};\n" if brotli else "",
                                include_brotli=f"include {BROTLI_CONFIG};" if brotli else ""))
    return main


def start(site_dir: Path, prefix: Path) -> tuple[str, subprocess.Popen]:
    """Start nginx in the foreground with the project's server block (and
    brotli); its access log is ``prefix/logs/access.log``."""
    main = write_main(prefix)
    (prefix / "site").symlink_to(site_dir)
    proc = subprocess.Popen([NGINX, "-p", str(prefix), "-c", str(main), "-g", "daemon off;"],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    port = int(LISTEN.search((prefix / "server.conf").read_text()).group(2))
    for _ in range(100):
        if proc.poll() is not None:
            raise RuntimeError("nginx did not start: " + proc.stdout.read().decode())
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return f"http://127.0.0.1:{port}", proc
        except OSError:
            time.sleep(0.05)
    proc.kill()
    raise RuntimeError(f"nginx did not listen on port {port}")


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
