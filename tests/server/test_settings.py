"""granian.env is read alike by sh (make run), systemd (EnvironmentFile=) and
the tests, and names only settings granian has: it ignores any other variable."""

import os
import re
import subprocess

from granian.cli import cli

from tests.conftest import ROOT
from tests.server.conftest import settings

FILE = ROOT / "granian.env"


def test_every_line_is_a_comment_or_a_plain_setting():
    for number, line in enumerate(FILE.read_text().splitlines(), 1):
        plain = re.fullmatch(r"GRANIAN_[A-Z0-9_]+=[A-Za-z0-9.:_/-]+", line)
        assert not line.strip() or line.startswith("#") or plain, f"granian.env:{number}: {line}"


def test_every_setting_is_one_of_granians():
    known = {f"GRANIAN_{option.name.upper()}" for option in cli.params if option.name}
    assert settings(), "granian.env sets nothing"
    assert set(settings()) <= known, f"granian has no {set(settings()) - known}"


def test_sh_reads_what_the_tests_read():
    shell = {k: v for k, v in os.environ.items() if not k.startswith("GRANIAN_")}
    result = subprocess.run(
        ["sh", "-c", "set -a && . ./granian.env && env"],
        cwd=ROOT, env=shell, capture_output=True, text=True, check=True,
    )  # fmt: skip
    read = dict(line.split("=", 1) for line in result.stdout.splitlines() if "=" in line)
    assert {k: v for k, v in read.items() if k.startswith("GRANIAN_")} == settings()
