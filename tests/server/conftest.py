"""The site under gunicorn on a free port of 127.0.0.1, with the settings of
`make run` (gunicorn.conf.py) and a database built for the test."""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import ROOT, build_site

GUNICORN = Path(sys.executable).parent / "gunicorn"


@dataclass
class Server:
    url: str
    port: int
    log: Path
    config: dict

    def log_text(self) -> str:
        return self.log.read_text(errors="replace")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_up(url: str, process: subprocess.Popen, seconds: float = 15) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn stopped with {process.returncode}")
        try:
            with urllib.request.urlopen(url + "/robots.txt", timeout=1):
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.05)
    raise RuntimeError(f"gunicorn did not answer within {seconds} s")


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[Server]:
    folder = tmp_path_factory.mktemp("gunicorn")
    config = build_site(folder)
    port = free_port()
    log = folder / "gunicorn.log"
    environment = {
        **{k: v for k, v in os.environ.items() if not k.startswith("BZKSITE_")},
        "BZKSITE_DATABASE": config["DATABASE"],
        "BZKSITE_TRANSLATIONS": config["TRANSLATIONS"],
    }
    command = [
        str(GUNICORN),
        "--config",
        "gunicorn.conf.py",
        "--bind",
        f"127.0.0.1:{port}",
        "app:app",
    ]
    with log.open("wb") as output:
        process = subprocess.Popen(
            command, cwd=ROOT, env=environment, stdout=output, stderr=subprocess.STDOUT
        )
    try:
        wait_until_up(f"http://127.0.0.1:{port}", process)
        yield Server(f"http://127.0.0.1:{port}", port, log, config)
    finally:
        process.terminate()
        process.wait(timeout=10)
