"""A site that cannot start stops with one line, under each documented way to
start it (make run, the README's systemd unit, these tests' fixture), rather
than granian restarting workers that cannot load it."""

import os
import re
import shlex
import signal
import subprocess
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT, build_site
from tests.server.conftest import GRANIAN, SiteRefused, check, environment, free_port, start

MO = "nl/LC_MESSAGES/messages.mo"


def broken_site(folder: Path, case: str) -> tuple[dict, str]:
    """A built site spoiled as `case` says, and the line that start-up refuses it with."""
    config = build_site(folder)
    if case == "garbage catalog":
        mo = Path(config["TRANSLATIONS"]) / MO
        mo.write_bytes(b"garbage")
        return config, f"{mo} is not a compiled catalog (Bad magic number): run `make db`"
    Path(config["DATABASE"]).unlink()
    return config, f"No database at {config['DATABASE']}: run `make db` to build it."


def run_bounded(
    folder: Path, command: list[str], config: dict, seconds: float, until: str | None = None
) -> tuple[int | None, str]:
    """Run `command` until it ends, it writes `until` or `seconds` have passed:
    its exit status (None when it was stopped) and what it wrote."""
    log = folder / "output.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            command, cwd=ROOT, env=environment(config), stdout=output,
            stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
    deadline = time.monotonic() + seconds
    try:
        while process.poll() is None and time.monotonic() < deadline:
            if until and until in log.read_text(errors="replace"):
                break
            time.sleep(0.1)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
    status = None if process.returncode < 0 else process.returncode
    return status, log.read_text(errors="replace")


@pytest.mark.parametrize("case", ["garbage catalog", "no database"])
def test_make_run_stops_with_the_line_instead_of_starting_granian(tmp_path, case):
    config, line = broken_site(tmp_path, case)
    port = free_port()
    began = time.monotonic()
    command = ["make", "--no-print-directory", "-o", "db", "run", f"PORT={port}"]
    status, output = run_bounded(tmp_path, command, config, 60)
    assert status not in (0, None), output[-2000:]
    assert f"bzksite cannot start: {line}" in output
    assert "Spawning worker" not in output, "granian was started"
    assert time.monotonic() - began < 30


def test_the_tests_fixture_stops_with_the_line_before_granian(tmp_path):
    config, line = broken_site(tmp_path, "garbage catalog")
    with pytest.raises(SiteRefused) as raised:
        start(tmp_path, config)
    assert str(raised.value).startswith(f"bzksite cannot start: {line}")
    assert not (tmp_path / "granian.log").exists(), "granian was started"


def unit() -> list[tuple[str, str]]:
    """The README's systemd unit as (setting, value) pairs, in order."""
    readme = (ROOT / "README.md").read_text()
    block = re.search(r"bzksite\.service`:\n\n```ini\n(.*?)```", readme, re.DOTALL)
    assert block, "the README shows no bzksite.service"
    lines = [line.split("=", 1) for line in block[1].splitlines() if "=" in line]
    return [(name, value) for name, value in lines]


def test_the_readme_unit_checks_the_site_before_it_starts_or_reloads_granian(tmp_path):
    """systemd gives up after a few starts whose ExecStartPre= fails, and a
    reload whose check fails leaves the running workers serving."""
    settings = unit()
    names = [name for name, _ in settings]
    pre, reloads = dict(settings)["ExecStartPre"], [v for n, v in settings if n == "ExecReload"]
    assert names.index("ExecStartPre") < names.index("ExecStart")
    assert reloads == [pre, "/bin/kill -HUP $MAINPID"]
    command = shlex.split(pre.replace("/srv/bzksite", str(ROOT)))
    good = build_site(tmp_path / "good")
    assert subprocess.run(command, cwd=ROOT, env=environment(good), timeout=60).returncode == 0
    config, line = broken_site(tmp_path / "broken", "garbage catalog")
    status, output = run_bounded(tmp_path, command, config, 60)
    assert status == 1 and output.startswith(f"bzksite cannot start: {line}")
    assert check(config).stderr == output


def test_granian_alone_restarts_a_worker_that_cannot_load_the_site(tmp_path):
    """Why the check runs first (granian 2.8, GRANIAN_RESPAWN_FAILED_WORKERS):
    a worker whose site fails to load is started again rather than granian
    stopping. Should granian ever stop at once, this fails: look again."""
    config, line = broken_site(tmp_path, "garbage catalog")
    command = [str(GRANIAN), "--port", str(free_port()), "app:app"]
    _, output = run_bounded(tmp_path, command, config, 30, until="Respawning worker")
    assert line in output
    assert "Respawning worker" in output, output[-2000:]
