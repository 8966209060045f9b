"""The servers `make bench` compares, each on core 0 with one worker: the
site under the server of `make run` (granian, with granian.env read as
`make run` reads it), the trivial app under the same server, and nginx
serving the same bytes as static files."""

import os
import re
import shutil
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

from .load import cores

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"

_NGINX_CONF = """
{user}
worker_processes 1;
daemon off;
pid {folder}/nginx.pid;
error_log {folder}/error.log;
events {{ worker_connections 1024; }}
http {{
  access_log off;
  keepalive_requests 1000000;
  default_type text/html;
  client_body_temp_path {folder}/tmp;
  proxy_temp_path {folder}/tmp;
  fastcgi_temp_path {folder}/tmp;
  uwsgi_temp_path {folder}/tmp;
  scgi_temp_path {folder}/tmp;
  server {{
    listen 127.0.0.1:{port};
    root {folder}/www;
    index index.html;
  }}
}}
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def server_command(app: str, port: int) -> list[str]:
    """The server as `make run` starts it, with granian.env read by the shell,
    but one worker, serving `app` on `port`."""
    granian = BIN / "granian"
    start = (
        f'set -a && . ./granian.env && set +a && exec "{granian}" --workers 1 --port {port} {app}'
    )
    return ["sh", "-c", start]


@contextmanager
def running(command: list[str], port: int, env: dict | None = None):
    """The command on core 0 until the block ends; yields the process and
    the seconds from start to its first answer."""
    began = time.monotonic()
    process = subprocess.Popen(
        [*cores()[0], *command], cwd=ROOT, env={**os.environ, **(env or {})},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        yield process, _first_answer(process, port) - began
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _first_answer(process: subprocess.Popen, port: int) -> float:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit(f"{process.args[-1]!r} stopped with {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as connection:
                connection.sendall(b"HEAD /robots.txt HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n")
                if connection.recv(12):
                    return time.monotonic()
        except OSError:
            time.sleep(0.005)
    sys.exit(f"{process.args[-1]!r} did not answer within a minute")


def nginx_command(folder: Path, port: int, files: dict[str, bytes]) -> list[str]:
    """nginx serving `files` ({path: bytes}) as static files from `folder`."""
    for path, body in files.items():
        target = folder / "www" / path.strip("/") / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(body)
    (folder / "tmp").mkdir(exist_ok=True)
    # Started as root, nginx's worker would run as nobody, who cannot read a private folder.
    user = "user root;" if os.geteuid() == 0 else ""
    conf = folder / "nginx.conf"
    conf.write_text(_NGINX_CONF.format(user=user, folder=folder, port=port))
    return [NGINX, "-c", str(conf), "-p", str(folder)]


def worker_memory_mb(process: subprocess.Popen) -> tuple[float, float]:
    """Of the process and its descendants, the one with the largest peak
    resident size (the worker): (that peak, its private memory now).

    The resident size counts pages the worker shares with the server's other
    processes (granian's library, Python's code) in full; the private memory
    is what one more worker adds."""
    found, pending = [], [process.pid]
    while pending:
        pid = pending.pop()
        try:
            status = Path(f"/proc/{pid}/status").read_text()
            rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
            children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        except FileNotFoundError:
            continue
        peak = int(re.search(r"VmHWM:\s+(\d+) kB", status)[1]) / 1024
        private = sum(int(kb) for kb in re.findall(r"Private_\w+:\s+(\d+) kB", rollup)) / 1024
        found.append((peak, private))
        pending.extend(int(child) for child in children)
    return max(found)
