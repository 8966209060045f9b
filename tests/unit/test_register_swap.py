"""The units folder is replaced as a whole: by exchanging two folders, or by
three renames where the file system cannot exchange, which the next import
completes after a kill. What is left until the import is done marks it as
unfinished. The stops of a real process: tests/test_import_register_stopped.py."""

import ctypes
import errno
import os
import shutil
from pathlib import Path

import pytest

from bzksite.register import swap
from bzksite.register.swap import done, finish_swap, replace_units, unfinished
from tests.conftest import CONTENT


def snapshot(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


@pytest.fixture
def content(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    shutil.copytree(CONTENT, folder)
    return folder


def cannot_exchange(number: int):
    def renameat2(*arguments) -> int:
        ctypes.set_errno(number)
        return -1

    return renameat2


def changes(content: Path) -> dict[Path, str]:
    units = content / "units"
    return {units / "kiem.toml": "# veranderd\n", units / "nieuw.toml": "# nieuw\n"}


def expected(old: dict[str, bytes]) -> dict[str, bytes]:
    return {**old, "kiem.toml": b"# veranderd\n", "nieuw.toml": b"# nieuw\n"}


@pytest.mark.parametrize("exchange", ["exchange", "no renameat2", "EINVAL"])
def test_the_units_are_replaced_and_the_old_ones_kept_until_the_import_is_done(
    content, monkeypatch, exchange
):
    renames = []
    rename = os.rename
    monkeypatch.setattr(os, "rename", lambda old, new: renames.append(new) or rename(old, new))
    if exchange == "exchange":
        assert swap._renameat2 is not None, "glibc 2.28 or later has renameat2"
    else:
        monkeypatch.setattr(
            swap, "_renameat2", cannot_exchange(errno.EINVAL) if exchange == "EINVAL" else None
        )
    old = snapshot(content / "units")
    replace_units(content, changes(content))
    assert snapshot(content / "units") == expected(old)
    assert snapshot(content / swap.STAGING) == old
    assert unfinished(content) == content / swap.STAGING
    done(content)
    assert unfinished(content) is None
    assert sorted(p.name for p in content.iterdir()) == sorted(p.name for p in CONTENT.iterdir())
    assert len(renames) == (0 if exchange == "exchange" else 3)


def test_another_error_of_the_exchange_is_raised_and_changes_nothing(content, monkeypatch):
    monkeypatch.setattr(swap, "_renameat2", cannot_exchange(errno.EACCES))
    old = snapshot(content / "units")
    with pytest.raises(PermissionError):
        replace_units(content, changes(content))
    assert snapshot(content / "units") == old


def fallback_stopped_after(content: Path, renames: int) -> dict[str, bytes]:
    """The units as the three renames leave them when the process dies after `renames`."""
    old = snapshot(content / "units")
    staging, aside = content / swap.STAGING, content / swap._ASIDE
    shutil.copytree(content / "units", staging)
    for path, text in changes(content).items():
        (staging / path.name).write_text(text)
    steps = [(content / "units", aside), (staging, content / "units"), (aside, staging)]
    for old_name, new_name in steps[:renames]:
        old_name.rename(new_name)
    return old


@pytest.mark.parametrize("renames", [1, 2])
def test_the_next_import_completes_the_renames_a_kill_interrupted(content, renames):
    old = fallback_stopped_after(content, renames)
    assert unfinished(content) is not None
    finish_swap(content)
    assert snapshot(content / "units") == expected(old)
    assert snapshot(content / swap.STAGING) == old
    assert not (content / swap._ASIDE).exists()


def test_the_files_of_an_older_import_are_removed(content):
    stray = content / "units" / ".kiem.toml.import"
    stray.write_text("# half\n")
    assert unfinished(content) == stray
    finish_swap(content)
    assert not stray.exists() and unfinished(content) is None


@pytest.mark.parametrize("pending", [False, True], ids=["first", "after an unfinished import"])
def test_a_failure_while_staging_changes_nothing_and_keeps_an_earlier_mark(
    content, monkeypatch, pending
):
    if pending:
        (content / swap.STAGING).mkdir()

    def full(path: Path) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(swap, "_sync", full)
    old = snapshot(content / "units")
    with pytest.raises(OSError, match="No space"):
        replace_units(content, changes(content))
    assert snapshot(content / "units") == old
    assert (content / swap.STAGING).exists() == pending
