"""The front door: the Makefile documents itself, the README stays true, and
what the tests need from the machine fails CI when it is missing."""

import os
import re
import subprocess
import sys
import tomllib
from importlib.metadata import distributions
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.needs import missing


def test_every_make_target_is_documented_in_make_help():
    makefile = (ROOT / "Makefile").read_text()
    phony = " ".join(re.findall(r"^\.PHONY:(.*)$", makefile, re.MULTILINE)).split()
    documented = set(re.findall(r"^([a-z0-9-]+):.*## ", makefile, re.MULTILINE))
    assert set(phony) == documented
    result = subprocess.run(
        ["make", "--no-print-directory", "help"], cwd=ROOT, capture_output=True, text=True,
        check=True,
    )  # fmt: skip
    for target in phony:
        assert f"make {target} " in result.stdout


def test_readme_shows_the_two_commands_and_every_documented_target_exists():
    readme = (ROOT / "README.md").read_text()
    makefile = (ROOT / "Makefile").read_text()
    assert "make run" in readme and "make test" in readme
    for target in set(re.findall(r"`make ([a-z0-9-]+)", readme)):
        assert re.search(rf"^{target}:", makefile, re.MULTILINE), f"README names make {target}"


def test_every_setting_is_in_the_readmes_settings_table():
    from bzksite import DEFAULTS

    readme = (ROOT / "README.md").read_text()
    for name in DEFAULTS:
        assert f"| `BZKSITE_{name}` |" in readme, f"BZKSITE_{name} is not in the README"


def test_the_site_runs_without_the_code_that_feeds_it():
    """The web side imports none of content/, translate/, store/ or register/:
    data flows one way."""
    probe = "import sys, bzksite; print(' '.join(sorted(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    )
    loaded = result.stdout.split()
    assert "bzksite.views" in loaded
    feeding = [name for name in loaded if name.split(".")[:2] in FEEDERS]
    assert not feeding, f"the site imports {feeding}"


FEEDERS = [
    ["bzksite", "content"], ["bzksite", "translate"], ["bzksite", "store"], ["bzksite", "register"]
]  # fmt: skip


def test_the_tests_take_no_settings_from_the_shell():
    """Settings exported for a preview or a deployment change no test."""
    shell = {
        "BZKSITE_LANGUAGES": '{"xx": {}}',
        "BZKSITE_TRUSTED_HOSTS": '["evil.example"]',
        "BZKSITE_DATABASE": "/nonexistent/site.db",
        "BZKSITE_MATOMO_URL": "not a url",
    }
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
         "tests/integration/test_languages.py", "tests/integration/test_language_redirect.py"],
        cwd=ROOT, capture_output=True, text=True, env={**os.environ, **shell}, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-3000:]
    assert " passed" in result.stdout and "failed" not in result.stdout


def test_make_run_takes_a_port():
    def run(*arguments: str) -> str:
        return subprocess.run(
            ["make", "--no-print-directory", "-n", "run", *arguments],
            cwd=ROOT, capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip

    assert "--port 8123 app:app" in run("PORT=8123")
    assert 'BZKSITE_SITE_URL="${BZKSITE_SITE_URL:-http://127.0.0.1:8123}"' in run("PORT=8123")
    assert "--port" not in run(), "without PORT, granian.env decides"


UV = ROOT / ".uv" / "bin" / "uv"


def uv_lock_check(folder: Path) -> subprocess.CompletedProcess:
    """`uv lock --check` in `folder`: what `make check-lock` runs.

    Not offline: to tell a stale lock from a current one uv resolves again,
    and on a fresh machine its cache holds the locked wheels but not the
    index's metadata, so offline it could only fail to resolve. The index
    is reachable wherever `make test` can install."""
    return subprocess.run(
        [str(UV), "lock", "--check", "--python", sys.executable],
        cwd=folder, capture_output=True, text=True, check=False, timeout=60,
    )  # fmt: skip


def test_a_lock_that_no_longer_matches_pyproject_is_refused(tmp_path: Path):
    for name in ("pyproject.toml", "uv.lock"):
        (tmp_path / name).write_bytes((ROOT / name).read_bytes())
    assert uv_lock_check(tmp_path).returncode == 0
    pyproject = tmp_path / "pyproject.toml"
    text = pyproject.read_text()
    assert '    "cachetools~=6.2",\n' in text
    pyproject.write_text(text.replace('    "cachetools~=6.2",\n', ""))
    result = uv_lock_check(tmp_path)
    assert result.returncode != 0
    assert "needs to be updated" in result.stderr, result.stderr


def test_what_is_installed_is_what_the_lock_pins():
    """Every package in the environment the tests run in, at the locked version."""
    locked = {
        package["name"]: package.get("version")
        for package in tomllib.loads((ROOT / "uv.lock").read_text())["package"]
    }
    installed = {
        # The name as uv.lock writes it (PEP 503).
        re.sub(r"[-_.]+", "-", dist.metadata["Name"]).lower(): dist.version
        for dist in distributions()
    }
    assert installed.pop("bzksite") == locked.pop("bzksite")
    assert installed, "no packages found"
    assert {name: locked.get(name) for name in installed} == installed


def test_uv_is_pinned_once():
    """requirements-uv.txt installs the uv that pyproject.toml requires."""
    pinned = re.search(r"^uv==(\S+) \\$", (ROOT / "requirements-uv.txt").read_text(), re.M)
    required = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["uv"]
    assert pinned and required["required-version"] == f"=={pinned[1]}"
    assert subprocess.run(
        [str(UV), "--version"], capture_output=True, text=True, check=True
    ).stdout.startswith(f"uv {pinned[1]} ")


@pytest.mark.parametrize("ci", ["true", None])
def test_a_missing_need_fails_in_ci_and_elsewhere(monkeypatch, ci):
    monkeypatch.delenv("CI", raising=False)
    if ci is not None:
        monkeypatch.setenv("CI", ci)
    with pytest.raises(BaseException) as raised:
        missing("the made-up thing is not here")
    assert raised.type is pytest.fail.Exception
    assert "the made-up thing is not here" in str(raised.value)
