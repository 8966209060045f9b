"""scripts/import_register.py and scripts/build.py as make runs them, on a
checkout of their own: the content as it was before its first import
(tests/data/content-before-import/), the catalogs and .gitignore in a git
repository made for the test, so that `git status` says what an import
leaves behind. The committed content and catalogs are never touched.

A `hook` is Python run in the script's process before it starts, to patch a
step: to stop it there with SIGKILL, or to wait for the test's signal."""

import os
import shutil
import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

from bzksite.register.records import DEFAULT_ROOT, Head, RegisterUnit
from tests.conftest import ROOT, TRANSLATIONS
from tests.register_files import write_export
from tests.register_fixtures import (
    CONTENT_BEFORE_IMPORT,
    EXPORTED,
    changed,
    committed_as_register,
    with_child,
)

SCRIPT = "scripts/import_register.py"
PROXIES = {"http_proxy", "https_proxy", "all_proxy", "no_proxy"}
HOOKED = """
import os, runpy, signal, sys
sys.path.insert(0, "scripts")
{hook}
sys.argv = sys.argv[1:]
runpy.run_path(sys.argv[0], run_name="__main__")
"""


DGOBDR = "Directoraat-generaal Openbaar Bestuur en Democratische Rechtsstaat"
NEW = RegisterUnit(  # made up, as every unit below
    systeem_id="900099",
    tooi="https://identifier.overheid.nl/tooi/id/oorg/oorg900099",
    name="Directie Proefdata",
    abbreviations=("DP",),
    types=("Organisatieonderdeel",),
)
OTHER_MINISTRY = RegisterUnit(
    systeem_id="900500",
    tooi="https://identifier.overheid.nl/tooi/id/ministerie/mnre9999",
    name="Proefzaken",
    types=("Ministerie",),
    children=(RegisterUnit(systeem_id="900501", tooi=None, name="Directie Elders"),),
)

AGENCY = RegisterUnit(
    systeem_id="900098",
    tooi="https://identifier.overheid.nl/tooi/id/oorg/oorg900098",
    name="Agentschap Proefdata",
    abbreviations=("APD",),
    types=("Agentschap",),
    description="Een verzonnen agentschap.",
    related_to=DEFAULT_ROOT,
)


def export(
    folder: Path,
    checkout: Path,
    units: int = 0,
    related: tuple[RegisterUnit, ...] = (),
    timestamp: str | None = EXPORTED.isoformat(),
) -> Path:
    """The checkout's units, a new directie, a new head, an ended unit, another
    ministry; `units` more new directies, and the `related` organisations; dated
    `timestamp` (None: undated)."""
    more = tuple(
        RegisterUnit(str(910000 + n), f"{NEW.tooi[:-6]}{910000 + n}", f"Directie Proef {n}")
        for n in range(units)
    )
    committed = committed_as_register(checkout / "db" / "content")
    ministry = with_child(committed, DGOBDR, replace(NEW, children=more))
    ministry = changed(
        ministry,
        "Directie Bestuursadvisering",
        head=Head("Directeur", "Dhr. C. Proef", date(2026, 9, 1)),
    )
    ministry = changed(ministry, "Directie Communicatie", end_date=date(2026, 10, 1))
    organisations = [OTHER_MINISTRY, *related, ministry]
    return write_export(folder / "export.xml", organisations, timestamp=timestamp)


def make_checkout(folder: Path) -> Path:
    shutil.copytree(CONTENT_BEFORE_IMPORT, folder / "db" / "content")
    shutil.copytree(TRANSLATIONS, folder / "translations", ignore=shutil.ignore_patterns("*.mo"))
    shutil.copy(ROOT / ".gitignore", folder)
    git(folder, "init", "-q")
    git(folder, "add", "-A")
    git(folder, "-c", "user.name=test", "-c", "user.email=test@example.invalid",
        "commit", "-q", "-m", "the committed content")  # fmt: skip
    return folder


def git(checkout: Path, *arguments: str) -> str:
    return subprocess.run(
        ["git", *arguments], cwd=checkout, capture_output=True, text=True, check=True, timeout=30
    ).stdout


def leftovers(checkout: Path) -> dict[str, list[str]]:
    """What git sees in the checkout that it does not track, by "ignored" and "untracked"."""
    status = git(checkout, "status", "--porcelain", "--ignored", "--untracked-files=all")
    lines = status.splitlines()
    return {
        "ignored": [line[3:] for line in lines if line.startswith("!! ")],
        "untracked": [line[3:] for line in lines if line.startswith("?? ")],
    }


def command(checkout: Path, *arguments: str, hook: str | None = None) -> list[str]:
    folders = ["--content", str(checkout / "db" / "content")]
    folders += ["--translations", str(checkout / "translations")]
    if hook is None:
        return [sys.executable, SCRIPT, *folders, *arguments]
    return [sys.executable, "-c", HOOKED.format(hook=hook), SCRIPT, *folders, *arguments]


def environment() -> dict[str, str]:
    """The shell's, but no BZKSITE_ setting and no proxy: the test decides."""
    return {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("BZKSITE_") and k.lower() not in PROXIES
    }


def run(checkout: Path, *arguments: str, hook: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        command(checkout, *arguments, hook=hook),
        cwd=ROOT, capture_output=True, text=True, env=environment(), timeout=60, check=False,
    )  # fmt: skip


def build(checkout: Path) -> subprocess.CompletedProcess:
    """make db in the checkout."""
    arguments = ["--content", str(checkout / "db" / "content")]
    arguments += ["--translations", str(checkout / "translations")]
    arguments += ["--output", str(checkout / "db" / "site.db")]
    return subprocess.run(
        [sys.executable, "scripts/build.py", *arguments],
        cwd=ROOT, capture_output=True, text=True, env=environment(), timeout=60, check=False,
    )  # fmt: skip


def snapshot(folder: Path) -> dict[str, bytes]:
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    return {str(p.relative_to(folder)): p.read_bytes() for p in files}
