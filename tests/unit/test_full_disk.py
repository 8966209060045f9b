"""make db on a real full disk and a real read-only one: a small tmpfs mounted
over the folder the build writes to, in a mount namespace of the build's own
(unshare), so the mount ends with the build whatever happens to the test and
works for root too, for whom a chmod stops no write. The state of the folder
is read inside the namespace, after the build. Where the machine allows no
such mount, the tests fail and say so (tests/needs.py);
tests/unit/test_build_errors.py injects the same errors."""

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.needs import missing

# $1 the folder to mount over, $2 its files as the build finds them, $3 "full"
# or "read-only", $4 where the build's standard error goes; the build follows.
MOUNTED = r"""
folder=$1 files=$2 state=$3 errors=$4; shift 4
mount -t tmpfs -o size=1m tmpfs "$folder" || exit 97
cp -a "$files/." "$folder/"
if [ "$state" = full ]; then
    cat /dev/zero > "$folder/.filler" 2>/dev/null
else
    mount -o remount,ro "$folder" || exit 97
fi
"$@" >/dev/null 2>"$errors"
echo "status $?"
cd "$folder" && find . -type f ! -name .filler -exec sha256sum {} +
"""


def private_mounts() -> bool:
    """Whether unshare may mount a tmpfs here (over the temporary folder, seen by it alone)."""
    if shutil.which("unshare") is None:
        return False
    probe = ["unshare", "--map-root-user", "--mount",
             "mount", "-t", "tmpfs", "probe", tempfile.gettempdir()]  # fmt: skip
    return subprocess.run(probe, capture_output=True, timeout=30, check=False).returncode == 0


@pytest.fixture(autouse=True, scope="module")
def _private_mounts() -> None:
    if not private_mounts():
        missing("this machine allows no private mount (unshare --mount)")


def make_db(sources: tuple[Path, Path], output: Path) -> list[str]:
    content, translations = sources
    return [sys.executable, "scripts/build.py", "--content", str(content),
            "--translations", str(translations), "--output", str(output)]  # fmt: skip


def make_db_on(
    folder: Path, state: str, command: list[str], scratch: Path
) -> tuple[int, str, dict]:
    """`command` with `folder` full or read-only: its exit status, standard
    error, and {file: sha256} of `folder` after it. `scratch` is a new folder
    for the files of `folder` and the command's errors."""
    copied, errors = scratch / "files", scratch / "errors.txt"
    shutil.copytree(folder, copied)
    result = subprocess.run(
        ["unshare", "--map-root-user", "--mount", "sh", "-c", MOUNTED, "sh",
         str(folder), str(copied), state, str(errors), *command],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    status, *listing = result.stdout.splitlines()
    after = {name.removeprefix("./"): digest for digest, name in map(str.split, listing)}
    return int(status.split()[1]), errors.read_text(), after


def files(folder: Path) -> dict[str, tuple[int, str]]:
    """Each file's inode (a file swapped in has a new one, even with the same
    bytes) and SHA-256."""
    return {p.name: (p.stat().st_ino, hashlib.sha256(p.read_bytes()).hexdigest())
            for p in folder.iterdir()}  # fmt: skip


@pytest.mark.parametrize("state", ["full", "read-only"])
@pytest.mark.parametrize("written", ["database", "catalog"])
def test_a_folder_that_cannot_be_written_is_one_line_and_changes_nothing(
    tmp_path, sources, written, state
):
    output = tmp_path / "db" / "site.db"
    subprocess.run(make_db(sources, output), cwd=ROOT, capture_output=True, check=True, timeout=120)
    database, catalogs = output.parent, sources[1] / "nl/LC_MESSAGES"
    target = output if written == "database" else catalogs / "messages.mo"
    before = {"database": files(database), "catalog": files(catalogs)}
    command, scratch = make_db(sources, output), tmp_path / "scratch"
    status, errors, after = make_db_on(target.parent, state, command, scratch)
    folder = os.path.relpath(target.parent, ROOT)
    problem = {
        "full": "no space left on device: free some space and run make db again",
        "read-only": f"cannot write (Read-only file system): make db needs write access to"
        f" {folder}/",
    }[state]
    assert status == 1
    assert errors.splitlines() == [
        f"{os.path.relpath(target, ROOT)}: {problem}",
        f"Build failed; {os.path.relpath(output, ROOT)} is unchanged,"
        " and so are the compiled catalogs.",
    ]
    assert after == {name: digest for name, (_, digest) in before[written].items()}, "inside"
    assert {"database": files(database), "catalog": files(catalogs)} == before
