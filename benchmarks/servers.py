"""The servers `make bench` compares, each on core 0 with one worker: the
site under the server of `make run`, the trivial app under the same server,
and nginx serving the same bytes as static files."""

import os
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


def wsgi_command(app: str, port: int) -> list[str]:
    """The server of `make run`, with one worker, serving `app` on `port`."""
    return [
        str(BIN / "gunicorn"), "--config", str(ROOT / "gunicorn.conf.py"), "--workers", "1",
        "--bind", f"127.0.0.1:{port}", "--pythonpath", str(ROOT), "--access-logfile", "/dev/null",
        app,
    ]  # fmt: skip


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
            sys.exit(f"{process.args[-1]} stopped with {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as connection:
                connection.sendall(b"HEAD /robots.txt HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n")
                if connection.recv(12):
                    return time.monotonic()
        except OSError:
            time.sleep(0.005)
    sys.exit(f"{process.args[-1]} did not answer within a minute")


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


def peak_memory_mb(process: subprocess.Popen) -> float:
    """The largest peak resident size (VmHWM) of the process and its descendants."""
    peaks, pending = [], [process.pid]
    while pending:
        pid = pending.pop()
        try:
            status = Path(f"/proc/{pid}/status").read_text()
            children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        except FileNotFoundError:
            continue
        for line in status.splitlines():
            if line.startswith("VmHWM:"):
                peaks.append(int(line.split()[1]) / 1024)
        pending.extend(int(child) for child in children)
    return max(peaks)
