"""Debian's nginx on loopback, serving a built site with deploy/nginx.conf as is."""

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
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"

MAIN = """{user}worker_processes 1;
error_log {prefix}/error.log warn;
pid {prefix}/nginx.pid;
events {{ worker_connections 256; }}
http {{
    include mime.types;
    access_log off;
    client_body_temp_path {prefix}/tmp/body;
    proxy_temp_path {prefix}/tmp/proxy;
    fastcgi_temp_path {prefix}/tmp/fastcgi;
    uwsgi_temp_path {prefix}/tmp/uwsgi;
    scgi_temp_path {prefix}/tmp/scgi;
    include {config};
}}
"""


def port_of_config() -> int:
    return int(re.search(r"^\s*listen\s+(\d+)", CONFIG.read_text(), re.M).group(1))


def start(site_dir: Path, prefix: Path) -> tuple[str, subprocess.Popen]:
    """Start nginx in the foreground with the project's server block."""
    (prefix / "tmp").mkdir(parents=True, exist_ok=True)
    (prefix / "site").symlink_to(site_dir)
    shutil.copy("/etc/nginx/mime.types", prefix / "mime.types")
    main = prefix / "nginx.conf"
    # As root, nginx's workers would run as nobody and could not read pytest's
    # private temporary folders; a test server may keep root's identity.
    user = "user root;\n" if os.geteuid() == 0 else ""
    main.write_text(MAIN.format(prefix=prefix, config=CONFIG, user=user))
    proc = subprocess.Popen([NGINX, "-p", str(prefix), "-c", str(main), "-g", "daemon off;"],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    port = port_of_config()
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
