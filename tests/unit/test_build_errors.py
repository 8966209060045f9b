"""make db when a file cannot be read or written: one line that names the file
and what to do, exit status 1, the previous database and catalogs as they
were and no temporary file left; never a traceback.

The tests run as root, for whom a chmod stops no write: a folder in a file's
place or a file in a folder's are real failures here; a refused permission
and a full disk are injected as the error the system call would raise
(tests/unit/test_full_disk.py has real ones, where the machine allows)."""

import errno
import os
import runpy
import sqlite3
import tempfile
from pathlib import Path

import pytest

from bzksite.translate import compile as compile_module
from tests.conftest import ROOT

build_main = runpy.run_path(str(ROOT / "scripts/build.py"))["main"]
MESSAGES = Path("nl/LC_MESSAGES/messages.po")


class Site:
    """Sources and a database built from them, as make db left them."""

    def __init__(self, folder: Path, sources: tuple[Path, Path]) -> None:
        self.content, self.translations = sources
        self.output = folder / "db" / "site.db"
        assert self.make_db() == 0

    def make_db(self) -> int:
        return build_main(
            ["--content", str(self.content), "--translations", str(self.translations),
             "--output", str(self.output)]
        )  # fmt: skip

    def files(self) -> dict[str, tuple[int, bytes | None]]:
        """What is in the folders the build writes to: each file's inode (a
        file swapped in has a new one, even with the same bytes) and bytes."""
        folders = [self.output.parent, *self.translations.glob("*/LC_MESSAGES")]
        found = [path for folder in folders if folder.is_dir() for path in folder.iterdir()]
        return {str(path): (path.stat().st_ino, content(path)) for path in found}

    def fails_with(self, capsys, line: str) -> None:
        """make db fails with `line` alone and changes no file."""
        before = self.files()
        capsys.readouterr()
        assert self.make_db() == 1
        assert capsys.readouterr().err.splitlines() == [
            line,
            f"Build failed; {os.path.relpath(self.output)} is unchanged,"
            " and so are the compiled catalogs.",
        ]
        assert self.files() == before


def content(path: Path) -> bytes | None:
    if path.is_dir():
        return None
    with path.open("rb") as file:  # not Path.read_bytes, which a test replaces
        return file.read()


@pytest.fixture
def site(tmp_path, sources) -> Site:
    return Site(tmp_path, sources)


def refuse(monkeypatch, module, name: str, folder: Path, error: int) -> None:
    """`module.name(...)` raises OSError(`error`) when it works in `folder`."""
    real = getattr(module, name)

    def refusing(*args, **kwargs):
        if Path(kwargs.get("dir") or args[0]).parent in (folder, folder.parent):
            raise OSError(error, os.strerror(error))
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, refusing)


@pytest.mark.parametrize("written", ["database", "catalog"])
def test_a_folder_in_the_place_of_a_file_it_writes(site, capsys, written):
    """Found before anything is swapped in: the database is not replaced when
    the catalog cannot be, nor the other way round."""
    catalog = (site.translations / MESSAGES).with_suffix(".mo")
    target = {"database": site.output, "catalog": catalog}[written]
    target.unlink()
    target.mkdir()
    where = os.path.relpath(target)
    site.fails_with(capsys, f"{where}: cannot write (Is a directory): a folder is in its place;"
                    " move it away")  # fmt: skip


def test_a_file_in_the_database_folders_place(site, capsys):
    folder = site.output.parent
    for path in folder.iterdir():
        path.unlink()
    folder.rmdir()
    folder.write_text("not a folder")
    where = os.path.relpath(site.output)
    site.fails_with(capsys, f"{where}: cannot write (File exists): make db needs"
                    f" {os.path.relpath(folder)}/ to be a folder")  # fmt: skip


def test_a_database_folder_without_write_access(site, capsys, monkeypatch):
    """Injected: mkstemp's PermissionError, as a chmod would cause for anyone but root."""
    refuse(monkeypatch, tempfile, "mkstemp", site.output.parent, errno.EACCES)
    where, folder = os.path.relpath(site.output), os.path.relpath(site.output.parent)
    site.fails_with(capsys, f"{where}: cannot write (Permission denied): make db needs write"
                    f" access to {folder}/")  # fmt: skip


def test_a_catalog_folder_without_write_access(site, capsys, monkeypatch):
    folder = (site.translations / MESSAGES).parent
    refuse(monkeypatch, tempfile, "mkstemp", folder, errno.EACCES)
    where = os.path.relpath(folder / "messages.mo")
    site.fails_with(capsys, f"{where}: cannot write (Permission denied): make db needs write"
                    f" access to {os.path.relpath(folder)}/")  # fmt: skip


def test_a_full_disk_while_writing_the_database(site, capsys, monkeypatch):
    """Injected: SQLite's SQLITE_FULL, as a full disk makes it raise mid-build."""
    full = sqlite3.OperationalError("database or disk is full")
    full.sqlite_errorcode = sqlite3.SQLITE_FULL

    def fill_the_disk(db):
        raise full

    monkeypatch.setattr("bzksite.store.write.write_search_index", fill_the_disk)
    where = os.path.relpath(site.output)
    site.fails_with(capsys, f"{where}: no space left on device: free some space and run make db"
                    " again")  # fmt: skip


def test_a_full_disk_while_writing_a_catalog(site, capsys, monkeypatch):
    """Injected: the OSError(ENOSPC) a write raises on a full disk, half-way."""

    def write_half(file, catalog, use_fuzzy=False):
        file.write(b"\xde\x12\x04\x95")
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(compile_module, "write_mo", write_half)
    where = os.path.relpath((site.translations / MESSAGES).with_suffix(".mo"))
    site.fails_with(capsys, f"{where}: no space left on device: free some space and run make db"
                    " again")  # fmt: skip


@pytest.mark.parametrize("catalog", [MESSAGES, Path("en/LC_MESSAGES/content.po")])
def test_a_folder_in_a_catalogs_place(site, capsys, catalog):
    po = site.translations / catalog
    po.unlink()
    po.mkdir()
    site.fails_with(capsys, f"{os.path.relpath(po)}: cannot read (Is a directory): a folder is"
                    " in its place; make db needs a file here")  # fmt: skip


def test_a_catalog_without_read_access(site, capsys, monkeypatch):
    """Injected: read_bytes's PermissionError, as a chmod would cause for anyone but root."""
    po = site.translations / MESSAGES
    real = Path.read_bytes

    def read_bytes(path: Path) -> bytes:
        if path == po:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))
        return real(path)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    site.fails_with(capsys, f"{os.path.relpath(po)}: cannot read (Permission denied): make db"
                    " needs read access to it")  # fmt: skip


def test_a_catalog_with_bytes_that_are_no_utf8(site, capsys):
    po = site.translations / MESSAGES
    text = po.read_bytes()
    po.write_bytes(text.replace(b'msgstr "Afkorting"', b'msgstr "Afk\xffrting"'))
    line = text[: text.index(b'msgstr "Afkorting"')].count(b"\n") + 1
    site.fails_with(capsys, f"{os.path.relpath(po)}:{line}: the file is not valid UTF-8")
