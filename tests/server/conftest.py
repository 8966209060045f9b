"""The site under granian on a free port of 127.0.0.1, with the settings of
`make run` (granian.env) and a database built for the test."""

import contextlib
import json
import os
import signal
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

GRANIAN = Path(sys.executable).parent / "granian"


@dataclass
class Server:
    url: str
    port: int
    log: Path
    config: dict
    process: subprocess.Popen

    def log_text(self) -> str:
        return self.log.read_text(errors="replace")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def settings() -> dict[str, str]:
    """granian.env as systemd's EnvironmentFile= reads it: NAME=value lines, # comments."""
    lines = (ROOT / "granian.env").read_text().splitlines()
    pairs = [line.split("=", 1) for line in lines if line.strip() and not line.startswith("#")]
    return {name.strip(): value.strip() for name, value in pairs}


def wait_until_up(url: str, process: subprocess.Popen, seconds: float = 15) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"granian stopped with {process.returncode}")
        try:
            with urllib.request.urlopen(url + "/robots.txt", timeout=1):
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.05)
    raise RuntimeError(f"granian did not answer within {seconds} s")


class SiteRefused(RuntimeError):
    """bzksite.check, run before granian, refused to start the site."""


# Settings of the site a server test may set in its config, passed as BZKSITE_ variables.
SITE_SETTINGS = ("BODY_TIMEOUT",)


def environment(config: dict, port: int = 8000) -> dict[str, str]:
    """granian.env and the test's site on `port`; no BZKSITE_ or GRANIAN_ setting
    from the shell."""
    return {
        **{f"BZKSITE_{name}": json.dumps(config[name]) for name in SITE_SETTINGS if name in config},
        **{k: v for k, v in os.environ.items() if not k.startswith(("BZKSITE_", "GRANIAN_"))},
        **settings(),
        "BZKSITE_DATABASE": config["DATABASE"],
        "BZKSITE_TRANSLATIONS": config["TRANSLATIONS"],
        "BZKSITE_SITE_URL": f"http://127.0.0.1:{port}",
    }


def check(config: dict) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "bzksite.check"], cwd=ROOT, env=environment(config),
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip


def start(folder: Path, config: dict, *options: str) -> Server:
    """granian with granian.env, the test's database and `options` on top,
    after bzksite.check as make run does: SiteRefused with its line when the
    site cannot start."""
    checked = check(config)
    if checked.returncode:
        raise SiteRefused(checked.stderr.strip())
    port = free_port()
    log = folder / "granian.log"
    command = [str(GRANIAN), "--port", str(port), *options, "app:app"]
    with log.open("wb") as output:
        process = subprocess.Popen(
            command, cwd=ROOT, env=environment(config, port), stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its workers too can be stopped as one group
        )  # fmt: skip
    try:
        wait_until_up(f"http://127.0.0.1:{port}", process)
    except BaseException:
        stop(process)
        raise
    return Server(f"http://127.0.0.1:{port}", port, log, config, process)


def stop(process: subprocess.Popen) -> None:
    """granian stops its workers and then itself; a group that does not, is killed."""
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)  # any worker left behind


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[Server]:
    """Also with granian's access log, which production leaves to the proxy,
    so that the tests can see every status granian sent."""
    folder = tmp_path_factory.mktemp("granian")
    running = start(folder, build_site(folder), "--access-log")
    try:
        yield running
    finally:
        stop(running.process)
