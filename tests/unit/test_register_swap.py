"""The content folder is replaced as a whole: by exchanging two folders, or by
three renames where the file system cannot exchange, which the next import
completes after a kill. What is left until the import is done marks it as
unfinished; so does what older imports, which swapped the units folder
alone, left. The stops of a real process: tests/test_import_register_stopped.py."""

import ctypes
import errno
import os
import shutil
from pathlib import Path

import pytest

from bzksite.register import swap
from bzksite.register.swap import done, finish_swap, replace_content, unfinished
from tests.conftest import CONTENT


def snapshot(folder: Path) -> dict[str, bytes]:
    files = sorted(path for path in folder.rglob("*") if path.is_file())
    return {str(path.relative_to(folder)): path.read_bytes() for path in files}


@pytest.fixture
def content(tmp_path: Path) -> Path:
    folder = tmp_path / "db" / "content"
    shutil.copytree(CONTENT, folder)
    return folder


def cannot_exchange(number: int):
    def renameat2(*arguments) -> int:
        ctypes.set_errno(number)
        return -1

    return renameat2


def changes(content: Path) -> dict[Path, str]:
    """A changed unit, a new one and a new organisation in a folder not there before."""
    return {
        content / "units" / "kiem.toml": "# veranderd\n",
        content / "units" / "nieuw.toml": "# nieuw\n",
        content / "organisations" / "proef.toml": "# nieuw, verzonnen\n",
    }


def expected(old: dict[str, bytes]) -> dict[str, bytes]:
    new = {"units/kiem.toml": b"# veranderd\n", "units/nieuw.toml": b"# nieuw\n"}
    return {**old, **new, "organisations/proef.toml": b"# nieuw, verzonnen\n"}


@pytest.mark.parametrize("exchange", ["exchange", "no renameat2", "EINVAL"])
def test_the_content_is_replaced_and_the_old_kept_until_the_import_is_done(
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
    old = snapshot(content)
    replace_content(content, changes(content))
    assert snapshot(content) == expected(old)
    assert snapshot(content.parent / swap.STAGING) == old
    assert unfinished(content) == content.parent / swap.STAGING
    done(content)
    assert unfinished(content) is None
    assert [p.name for p in content.parent.iterdir()] == ["content"]
    assert len(renames) == (0 if exchange == "exchange" else 3)


def test_another_error_of_the_exchange_is_raised_and_changes_nothing(content, monkeypatch):
    monkeypatch.setattr(swap, "_renameat2", cannot_exchange(errno.EACCES))
    old = snapshot(content)
    with pytest.raises(PermissionError):
        replace_content(content, changes(content))
    assert snapshot(content) == old


def fallback_stopped_after(content: Path, renames: int) -> dict[str, bytes]:
    """The content as the three renames leave it when the process dies after `renames`."""
    old = snapshot(content)
    staging, aside = content.parent / swap.STAGING, content.parent / swap._ASIDE
    shutil.copytree(content, staging)
    for path, text in changes(content).items():
        target = staging / path.relative_to(content)
        target.parent.mkdir(exist_ok=True)
        target.write_text(text)
    steps = [(content, aside), (staging, content), (aside, staging)]
    for old_name, new_name in steps[:renames]:
        old_name.rename(new_name)
    return old


@pytest.mark.parametrize("renames", [1, 2])
def test_the_next_import_completes_the_renames_a_kill_interrupted(content, renames):
    old = fallback_stopped_after(content, renames)
    assert unfinished(content) is not None
    finish_swap(content)
    assert snapshot(content) == expected(old)
    assert snapshot(content.parent / swap.STAGING) == old
    assert not (content.parent / swap._ASIDE).exists()


@pytest.mark.parametrize("renames", [1, 2, 3])
def test_what_an_import_of_the_units_folder_alone_left_is_finished_too(content, renames):
    """Older imports renamed units/ to .units.old, .units.import to units/, and back."""
    units, staging, aside = content / "units", content / ".units.import", content / ".units.old"
    old = snapshot(units)
    shutil.copytree(units, staging)
    (staging / "nieuw.toml").write_text("# nieuw\n")
    for old_name, new_name in [(units, aside), (staging, units), (aside, staging)][:renames]:
        old_name.rename(new_name)
    assert unfinished(content) is not None
    finish_swap(content)
    assert snapshot(units) == {**old, "nieuw.toml": b"# nieuw\n"}
    assert unfinished(content) == staging
    done(content)
    assert unfinished(content) is None and not aside.exists()


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
        (content.parent / swap.STAGING).mkdir()

    def full(path: Path) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(swap, "_sync", full)
    old = snapshot(content)
    with pytest.raises(OSError, match="No space"):
        replace_content(content, changes(content))
    assert snapshot(content) == old
    assert (content.parent / swap.STAGING).exists() == pending
